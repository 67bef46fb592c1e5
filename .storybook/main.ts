import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * package.json's `sideEffects` lists only the published define modules (dist/…), so Vite would
 * tree-shake `import '../src/define.js'` away and no tag would be registered. Our own source is
 * always treated as having side effects here.
 */
const keepSourceSideEffects = {
  name: 'care-keep-source-side-effects',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!/\/src\/.*\.ts$/.test(id) || id.includes('/node_modules/')) return null;
    return { code, map: null, moduleSideEffects: true };
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  core: {
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
    enableCrashReports: false,
  },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [keepSourceSideEffects],
      // Lit's decorators need TypeScript's legacy ("experimental") decorators and [[Set]] class
      // fields (useDefineForClassFields: false), or a decorated field shadows Lit's reactive
      // accessor. Vite 8 compiles TypeScript with oxc and ignores `esbuild.tsconfigRaw`, so the
      // same settings are given to oxc, also for stories that tsconfig.json does not include.
      oxc: {
        decorator: { legacy: true },
        typescript: { removeClassFieldsWithoutInitializer: true },
        assumptions: { setPublicClassFields: true },
      },
      // Storybook's own preview chunks are large by design (the library's budget is `npm run size`),
      // and a file-by-file size listing only buries warnings in the test log.
      logLevel: 'warn',
      build: { chunkSizeWarningLimit: 2000, reportCompressedSize: false },
    });
  },
};

export default config;
