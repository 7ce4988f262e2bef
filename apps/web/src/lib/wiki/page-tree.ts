export interface TreeNode<T> {
  page: T;
  children: TreeNode<T>[];
}

/** Builds the page tree from a flat, alphabetical list (pages whose parent is missing become roots). */
export function pageTree<T extends { id: string; parent: { id: string } | null }>(pages: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(pages.map((page) => [page.id, { page, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.page.parent ? nodes.get(node.page.parent.id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
