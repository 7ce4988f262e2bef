import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from '../accounts/user.entity';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { ProjectsService } from '../wiki/projects.service';
import { BlockerEdit, blockerEditChanges } from './blocker-edit';
import { BlockerEvent } from './blocker-event.entity';
import { Blocker } from './blocker.entity';
import { BlockersService } from './blockers.service';

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
    if (!blocker) throw notFound('Frein');
    const project = await this.projects.findById(blocker.projectId);
    if (!project) throw notFound('Projet');
    if (!this.blockers.canManage(user, project)) {
      throw forbidden('Seuls les membres du territoire du projet et les modérateurs peuvent modifier ce frein.');
    }
    if (blocker.revision !== baseRevision) throw staleBase(blocker, baseRevision);
    const changes = blockerEditChanges(blocker, edit);
    if (!changes) throw badInput('Rien à enregistrer : la catégorie, la gravité et la description sont inchangées.');

    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Blocker);
      const result = await repository.update({ id: blocker.id, revision: baseRevision }, { ...changes.values, revision: baseRevision + 1 });
      if (!result.affected) throw staleBase(await repository.findOneByOrFail({ id: blocker.id }), baseRevision);
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

function staleBase(current: Blocker, baseRevision: number) {
  return conflict(
    `Quelqu'un a modifié ce frein pendant que vous le corrigiez (révision ${current.revision}, vous étiez parti·e de la révision ${baseRevision}). Vos modifications n'ont pas été enregistrées ni perdues : comparez-les avec la version actuelle avant d'enregistrer à nouveau.`,
    {
      currentRevision: current.revision,
      baseRevision,
      current: { category: current.category, severity: current.severity, description: current.description, status: current.status },
    },
  );
}
