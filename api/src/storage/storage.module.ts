import { Global, Module } from '@nestjs/common';
import path from 'node:path';
import { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { LocalDiskStorage } from './local-disk.storage';
import { STORAGE_PORT } from './storage.port';

/** Binds the storage port; today to the local disk under DATA_DIR/attachments. */
@Global()
@Module({
  providers: [
    {
      provide: STORAGE_PORT,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskStorage(path.join(config.dataDir, 'attachments')),
    },
  ],
  exports: [STORAGE_PORT],
})
export class StorageModule {}
