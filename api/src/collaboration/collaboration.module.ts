import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../core/auth/auth.module';
import { ProposalsModule } from '../core/proposals/proposals.module';
import { WebSocketsModule } from '../websockets/websockets.module';
import { CollaborationGateway } from './collaboration.gateway';
import { CollaborationService } from './collaboration.service';
import { DocumentStore } from './document-store';
import { DocumentDerivationEntity, DocumentSnapshotEntity, DocumentUpdateEntity } from './document-update.entity';

/**
 * Real-time editing of proposal bodies. The proposals module supplies PROPOSAL_DOCUMENT_ACCESS
 * (membership, initial body, keeping suggestion rows in step).
 */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentUpdateEntity, DocumentSnapshotEntity, DocumentDerivationEntity]), AuthModule, ProposalsModule, WebSocketsModule],
  providers: [DocumentStore, CollaborationService, CollaborationGateway],
  exports: [DocumentStore, CollaborationService],
})
export class CollaborationModule {}
