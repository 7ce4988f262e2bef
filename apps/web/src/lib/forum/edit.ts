/** The version saved meanwhile, as the API's CONFLICT on `editPost` gives it. */
export type CurrentVersion = { body: string; revision: number; author: string | null };

/** What the thread page's `edit` action returns when it fails (routes/forum/sujet/[id]/+page.server.ts). */
export type EditFailure = {
  edit: true;
  error: { code: string; message: string; fields?: string[] };
  values: { postId: string; body: string; baseRevision: string };
  /** After a CONFLICT: the version saved meanwhile (null if the API did not send it). */
  current: CurrentVersion | null;
};

/** Reads `extensions.current` of a CONFLICT on `editPost` (null when absent or malformed). */
export function currentVersion(extensions: Record<string, unknown> | undefined): CurrentVersion | null {
  const current = extensions?.current as { body?: unknown; revision?: unknown; author?: { displayName?: unknown } | null } | undefined;
  if (!current || typeof current.body !== 'string' || !Number.isInteger(current.revision)) return null;
  const author = typeof current.author?.displayName === 'string' ? current.author.displayName : null;
  return { body: current.body, revision: current.revision as number, author };
}

/** Query string of the thread page: keeps the page of posts (`apres`) and adds `extra`. */
function query(after: string | null, extra: Record<string, string>): string {
  const params = new URLSearchParams();
  if (after) params.set('apres', after);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Links and form action of a post's inline editor (plain URLs: they work without JavaScript). */
export function editLinks(threadId: string, postId: string, after: string | null) {
  const base = `/forum/sujet/${threadId}`;
  return {
    edit: `${base}${query(after, { modifier: postId })}#modifier-${postId}`,
    cancel: `${base}${query(after, {})}#message-${postId}`,
    // The action name is the search parameter starting with "/"; the others survive a failed post.
    action: `${query(after, { modifier: postId })}&/edit`,
  };
}
