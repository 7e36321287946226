import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

const logger = new Logger('CollaborationRedis');

/**
 * Hocuspocus' Redis extension, used only to relay live updates and awareness between API
 * instances (each instance loads documents from the database and stores every update itself,
 * before acknowledging it).
 *
 * Its own store lock is switched off: on contention it silently skips the other instance's
 * `onStoreDocument`, which would drop that instance's derived body. Our store hook takes a
 * waiting JobLock per document instead (see CollaborationService.documentStored).
 */
export class CollaborationRedis extends RedisExtension {
  constructor(redisUrl: string) {
    super({
      createClient: () => {
        const client = new Redis(redisUrl);
        client.on('error', (error: Error) => logger.warn(`redis: ${error.message}`));
        return client;
      },
      prefix: 'jianyan:collab',
      // time left for the last sync messages between instances before a document is unloaded
      disconnectDelay: 300,
    });
  }

  override async onStoreDocument(): Promise<void> {
    // no store lock (see above)
  }

  override async afterStoreDocument(): Promise<void> {
    // nothing to release; no delay for direct connections (unloading already waits disconnectDelay)
  }
}
