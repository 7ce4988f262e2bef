import { ConnectionType } from '../common/pagination/connection';
import { Page } from './page.entity';
import { Project } from './project.entity';
import { WikiRevision } from './wiki-revision.entity';

export const ProjectConnection = ConnectionType(Project, 'Project');
export const PageConnection = ConnectionType(Page, 'Page');
export const RevisionConnection = ConnectionType(WikiRevision, 'Revision');
