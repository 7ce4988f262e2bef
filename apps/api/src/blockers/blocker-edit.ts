import type { BlockerEvent } from './blocker-event.entity';
import type { Blocker } from './blocker.entity';
import type { BlockerCategory, BlockerEventKind, BlockerSeverity } from './blocker-enums';

export interface BlockerEdit {
  category?: BlockerCategory | null;
  severity?: BlockerSeverity | null;
  description?: string | null;
}

type EditedFields = Pick<Blocker, 'category' | 'severity' | 'description'>;
type EditRecord = Pick<BlockerEvent, 'categoryBefore' | 'categoryAfter' | 'severityBefore' | 'severityAfter' | 'descriptionEdited' | 'previousDescription'>;

/**
 * What an edit actually changes: the new values to write and the timeline record (before → after
 * for category and severity, the previous description when it changed). Null when nothing differs, so that an
 * unchanged form does not add an empty entry to the timeline.
 */
export function blockerEditChanges(current: EditedFields, edit: BlockerEdit): { values: Partial<EditedFields>; record: EditRecord } | null {
  const category = edit.category && edit.category !== current.category ? edit.category : null;
  const severity = edit.severity && edit.severity !== current.severity ? edit.severity : null;
  const description = edit.description?.trim();
  const descriptionEdited = !!description && description !== current.description;
  if (!category && !severity && !descriptionEdited) return null;
  return {
    values: { ...(category && { category }), ...(severity && { severity }), ...(descriptionEdited && { description }) },
    record: {
      categoryBefore: category ? current.category : null,
      categoryAfter: category,
      severityBefore: severity ? current.severity : null,
      severityAfter: severity,
      descriptionEdited,
      previousDescription: descriptionEdited ? current.description : null,
    },
  };
}

export function blockerEventKind(event: Pick<BlockerEvent, 'previousStatus' | 'categoryAfter' | 'severityAfter' | 'descriptionEdited'>): BlockerEventKind {
  if (event.categoryAfter || event.severityAfter || event.descriptionEdited) return 'EDITED';
  return event.previousStatus == null ? 'REPORTED' : 'STATUS_CHANGED';
}
