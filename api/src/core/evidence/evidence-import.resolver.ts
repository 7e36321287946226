import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor } from '../../common/graphql-context';
import { CurrentActor, Roles } from '../auth/decorators';
import { EvidenceImportPreviewModel, EvidenceImportResultModel } from './evidence-import.model';
import { EvidenceImportService } from './evidence-import.service';
import { EvidenceImportFormat } from './evidence.inputs';
import { EvidenceModel } from './evidence.model';

@Resolver()
export class EvidenceImportResolver {
  constructor(private readonly imports: EvidenceImportService) {}

  @Roles('contributor', 'member', 'admin')
  @Mutation(() => EvidenceImportPreviewModel, {
    description: 'Parses a CSV or XLSX file (base64) and reports every problem by row and column; writes nothing',
  })
  previewEvidenceImport(
    @CurrentActor() actor: Actor,
    @Args('file', { description: 'The file, base64-encoded' }) file: string,
    @Args('format', { type: () => EvidenceImportFormat }) format: EvidenceImportFormat,
  ): Promise<EvidenceImportPreviewModel> {
    return this.imports.preview(actor, file, format);
  }

  @Roles('contributor', 'member', 'admin')
  @Mutation(() => EvidenceImportResultModel, {
    description: 'Imports every row in one transaction; one bad row and nothing is written (the error names its row and column)',
  })
  async commitEvidenceImport(
    @CurrentActor() actor: Actor,
    @Args('file', { description: 'The file, base64-encoded' }) file: string,
    @Args('format', { type: () => EvidenceImportFormat }) format: EvidenceImportFormat,
  ): Promise<EvidenceImportResultModel> {
    const views = await this.imports.commit(actor, file, format);
    return { count: views.length, evidence: views.map(EvidenceModel.from) };
  }
}
