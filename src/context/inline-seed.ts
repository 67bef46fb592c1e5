/**
 * Reads the seed of a memory source written in the page: the JSON inside a
 * `<script type="application/json">` child of `<care-context>` (one CareRecord or a list). Such a
 * script never runs, so a strict Content-Security-Policy allows it.
 */
export const readInlineSeed = (host: Element): { seed: unknown } | { error: string } | undefined => {
  const script = [...host.children].find(
    (child): child is HTMLScriptElement => child instanceof HTMLScriptElement && child.type.trim().toLowerCase() === 'application/json',
  );
  if (!script) return undefined;
  try {
    return { seed: JSON.parse(script.textContent ?? '') };
  } catch (error) {
    return { error: `the <script type="application/json"> inside <care-context> is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
};
