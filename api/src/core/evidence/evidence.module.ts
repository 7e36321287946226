import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { ProposalsModule } from '../proposals/proposals.module';
import { UsersModule } from '../users/users.module';
import { EvidenceAttachmentsController } from './evidence-attachments.controller';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { EvidenceClearanceService } from './evidence-clearance.service';
import { EvidenceConsentExpiryJob } from './evidence-consent-expiry.job';
import { EvidenceExportController } from './evidence-export.controller';
import { EvidenceExportService } from './evidence-export.service';
import { EvidenceFieldsResolver, EvidenceGrantResolver } from './evidence-fields.resolver';
import { EvidenceGrantsService } from './evidence-grants.service';
import { EvidenceImportResolver } from './evidence-import.resolver';
import { EvidenceImportService } from './evidence-import.service';
import { EvidenceLinksResolver, ProposalEvidenceResolver, SuggestionEvidenceResolver } from './evidence-links.resolver';
import { EvidenceLinksService } from './evidence-links.service';
import { EvidenceQueryService } from './evidence-query.service';
import { EvidenceReads } from './evidence-reads';
import {
  EvidenceAttachmentEntity,
  EvidenceEntity,
  EvidenceGrantEntity,
  EvidenceLinkEntity,
  EvidenceTagEntity,
} from './evidence.entity';
import { EvidenceLoaders } from './evidence.loaders';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { EvidenceSearchSource } from './evidence-search.source';
import { SearchModule } from '../../search/search.module';

/** Case evidence: records, clearance, PII masking, grants, attachments, links, import and export. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvidenceEntity, EvidenceTagEntity, EvidenceGrantEntity, EvidenceAttachmentEntity, EvidenceLinkEntity]),
    AuditModule,
    OrganizationsModule,
    UsersModule,
    ProposalsModule,
    SearchModule,
  ],
  controllers: [EvidenceAttachmentsController, EvidenceExportController],
  providers: [
    EvidenceClearanceService,
    EvidenceService,
    EvidenceQueryService,
    EvidenceGrantsService,
    EvidenceLinksService,
    EvidenceAttachmentsService,
    EvidenceImportService,
    EvidenceExportService,
    EvidenceReads,
    EvidenceLoaders,
    EvidenceResolver,
    EvidenceFieldsResolver,
    EvidenceGrantResolver,
    EvidenceLinksResolver,
    ProposalEvidenceResolver,
    SuggestionEvidenceResolver,
    EvidenceImportResolver,
    EvidenceSearchSource,
    EvidenceConsentExpiryJob,
  ],
  exports: [EvidenceService, EvidenceQueryService, EvidenceClearanceService, EvidenceGrantsService, EvidenceLinksService],
})
export class EvidenceModule {}
