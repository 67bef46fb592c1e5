import { executeServerCommand } from '@web/test-runner-commands';

/** One node of the accessibility tree Chromium exposes (ignored nodes left out). */
export interface AxNode {
  role: string;
  name: string;
  /** The accessible description (aria-describedby and the like). */
  description: string;
  properties: Record<string, string | number | boolean | undefined>;
  children: AxNode[];
}

/** The page's accessibility tree as Chromium builds it for assistive technology. */
export const axTree = (): Promise<AxNode> => executeServerCommand<AxNode, undefined>('ax-tree');

/** Every node of the tree, depth first. */
export function axNodes(root: AxNode): AxNode[] {
  const all: AxNode[] = [];
  const visit = (node: AxNode) => {
    all.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return all;
}

/** The nodes with this role (and, if given, this exact accessible name). */
export const axFind = (root: AxNode, role: string, name?: string | RegExp): AxNode[] =>
  axNodes(root).filter(
    (node) => node.role === role && (name === undefined || (typeof name === 'string' ? node.name === name : name.test(node.name))),
  );
