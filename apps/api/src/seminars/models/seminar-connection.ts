import { ConnectionType } from '../../common/pagination/connection';
import { Seminar } from '../entities/seminar.entity';

export const SeminarConnection = ConnectionType(Seminar, 'Seminar');
