/** What the thread page's `edit` action returns when it fails (routes/forum/sujet/[id]/+page.server.ts). */
export type EditFailure = {
  edit: true;
  error: { code: string; message: string; fields?: string[] };
  values: { postId: string; body: string; baseRevision: string };
  /** After a CONFLICT: the version saved meanwhile (null if it could not be looked up). */
  current: { body: string; revision: number } | null;
};

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
