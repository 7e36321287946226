import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { Document, Hocuspocus, afterLoadDocumentPayload, onConfigurePayload } from '@hocuspocus/server';
import { Logger } from '@nestjs/common';
import { RedisConnection } from '../common/redis-connection';

const logger = new Logger('CollaborationRedis');

/** Brings an open document up to date with what other instances stored (e.g. while Redis was down). */
export type ResyncDocument = (documentName: string, document: Document) => Promise<void>;

/**
 * Hocuspocus' Redis extension, used only to relay live updates and awareness between API
 * instances (each instance loads documents from the database and stores every update itself,
 * before acknowledging it).
 *
 * Its own store lock is switched off: on contention it silently skips the other instance's
 * `onStoreDocument`, which would drop that instance's derived body. Our store hook takes a
 * waiting JobLock per document instead (see CollaborationService.documentStored).
 *
 * Redis may be away: the extension publishes on every change and awareness update and often
 * does not wait for or catch the result, so a publish here never fails (the message is lost,
 * as pub/sub messages are when nobody listens). Once the subscriber connection is ready again,
 * every open document is subscribed again, brought up to date from the database and announced
 * with a first sync step, so that the other instances send what they have and this one lacks.
 */
export class CollaborationRedis extends RedisExtension {
  private hocuspocus?: Hocuspocus;

  constructor(
    redisUrl: string,
    private readonly resync: ResyncDocument,
  ) {
    const connections: RedisConnection[] = [];
    super({
      createClient: () => {
        const connection = new RedisConnection(redisUrl, 'CollaborationRedis');
        connections.push(connection);
        return connection.client;
      },
      prefix: 'jianyan:collab',
      // time left for the last sync messages between instances before a document is unloaded
      disconnectDelay: 300,
    });
    const publish = this.pub.publish.bind(this.pub) as (channel: string, message: Buffer) => Promise<number>;
    this.pub.publish = ((channel: string, message: Buffer) =>
      publish(channel, message).catch((error: Error) => {
        logger.debug(`not relayed to other instances: ${error.message}`);
        return 0;
      })) as typeof this.pub.publish;
    // both connections, in either order, after an outage or a start without Redis
    for (const connection of connections) {
      connection.onReady(() => {
        if (connections.every((c) => c.ready)) void this.rejoin();
      });
    }
  }

  override async onConfigure(data: onConfigurePayload): Promise<void> {
    this.hocuspocus = data.instance;
    await super.onConfigure(data);
  }

  /** Subscribes and announces the document; without Redis the document still opens (it rejoins later). */
  override async afterLoadDocument(data: afterLoadDocumentPayload): Promise<void> {
    await super.afterLoadDocument(data).catch((error: Error) => logger.debug(`${data.documentName} not subscribed yet: ${error.message}`));
  }

  override async onStoreDocument(): Promise<void> {
    // no store lock (see above)
  }

  override async afterStoreDocument(): Promise<void> {
    // nothing to release; no delay for direct connections (unloading already waits disconnectDelay)
  }

  private async rejoin(): Promise<void> {
    for (const [documentName, document] of this.hocuspocus?.documents ?? []) {
      try {
        await this.resync(documentName, document);
      } catch (error) {
        logger.error(`could not bring ${documentName} up to date from the database: ${(error as Error).message}`);
      }
      await this.afterLoadDocument({ documentName, document } as afterLoadDocumentPayload);
    }
  }
}
