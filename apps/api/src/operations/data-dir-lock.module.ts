import { DynamicModule, Inject, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DataDirLock } from './data-dir-lock';

const DATA_DIR_LOCK = Symbol('DATA_DIR_LOCK');

/**
 * Keeps the server's DATA_DIR lock for the life of the app and gives it back once the database
 * is closed (app.close(), graceful shutdown), not before: a restore must not start while this
 * process can still write.
 */
@Module({})
export class DataDirLockModule {
  constructor(@Inject(DATA_DIR_LOCK) lock: DataDirLock, dataSource: DataSource) {
    const destroy = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      try {
        await destroy();
      } finally {
        lock.release();
      }
    };
  }

  static holding(lock: DataDirLock): DynamicModule {
    return { module: DataDirLockModule, providers: [{ provide: DATA_DIR_LOCK, useValue: lock }] };
  }
}
