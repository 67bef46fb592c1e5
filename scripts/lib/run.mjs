// Small process helpers shared by the build, test and start scripts (no dependencies).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a tool installed in node_modules/.bin. */
export function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

/**
 * Runs a command with inherited output and resolves (never rejects) with its exit code and
 * duration, so callers can keep going after a failure and report it.
 */
export function run(command, args = [], { env = {}, cwd = root, quiet = false } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: quiet ? ['ignore', 'ignore', 'inherit'] : ['ignore', 'inherit', 'inherit'],
    });
    const finish = (code, error) =>
      resolve({ code, error, seconds: (performance.now() - started) / 1000 });
    child.on('error', (error) => finish(127, error));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a Node script from this repository with the current Node binary. */
export function runNode(script, args = [], options) {
  return run(process.execPath, [join(root, script), ...args], options);
}

export const exists = (path) => existsSync(join(root, path));
