import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../accounts/user.entity';
import { badInput, forbidden, notFound } from '../common/errors';
import { expectRevision, RevisionLock, saveAtRevision } from '../database/optimistic-lock';
import { ProjectsService } from '../wiki/projects.service';
import { BlockerEdit, blockerEditChanges } from './blocker-edit';
import { BlockerEvent } from './blocker-event.entity';
import { Blocker } from './blocker.entity';
import { BlockersService } from './blockers.service';

/** On CONFLICT, the values saved meanwhile (`extensions.current`). */
const BLOCKER_LOCK: RevisionLock<Blocker> = {
  conflict: 'BLOCKER_REVISION_CONFLICT',
  current: (latest) => ({ category: latest.category, severity: latest.severity, description: latest.description, status: latest.status }),
};

/**
 * Correcting a reported blocker (category, severity, description). Optimistic: the UPDATE is
 * conditional on the revision the editor started from, so of two edits from the same revision
 * exactly one wins and the other gets CONFLICT with the current values (nothing overwritten).
 */
@Injectable()
export class BlockerEditsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly blockers: BlockersService,
    private readonly projects: ProjectsService,
  ) {}

  async edit(user: User, id: string, edit: BlockerEdit, baseRevision: number): Promise<Blocker> {
    const blocker = await this.blockers.findById(id);
    if (!blocker) throw notFound('BLOCKER_NOT_FOUND');
    const project = await this.projects.findById(blocker.projectId);
    if (!project) throw notFound('PROJECT_NOT_FOUND');
    if (!this.blockers.canManage(user, project)) {
      throw forbidden('BLOCKER_EDITORS_ONLY');
    }
    await expectRevision(blocker, baseRevision, BLOCKER_LOCK, this.dataSource.manager);
    const changes = blockerEditChanges(blocker, edit);
    if (!changes) throw badInput('BLOCKER_NOTHING_TO_SAVE');

    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Blocker);
      await saveAtRevision(manager, Blocker, blocker.id, baseRevision, changes.values, BLOCKER_LOCK);
      // Read inside the transaction: our UPDATE holds the row, so this is the status the edit applied to.
      const edited = await repository.findOneByOrFail({ id: blocker.id });
      await manager.getRepository(BlockerEvent).insert({
        blockerId: blocker.id,
        previousStatus: edited.status,
        status: edited.status,
        ...changes.record,
        authorId: user.id,
        at: new Date(),
      });
      if (changes.values.severity) await this.blockers.refreshIsBlocked(manager, blocker.projectId);
      return edited;
    });
  }
}
