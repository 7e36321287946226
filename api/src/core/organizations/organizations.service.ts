import { OUTSIDE_FILING_SCOPE_REASON, OrganizationKind, filingDistrictIds, organizationSubtreeIds } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AppErrors } from '../../common/errors';
import { orderByIds } from '../../common/graphql-context';
import { OrganizationEntity } from './organization.entity';

export interface NewOrganization {
  code: string;
  name: string;
  nameEn: string;
  kind: OrganizationKind;
  parentId?: string | null;
}

@Injectable()
export class OrganizationsService {
  constructor(@InjectRepository(OrganizationEntity) private readonly organizations: Repository<OrganizationEntity>) {}

  list(): Promise<OrganizationEntity[]> {
    return this.organizations.find({ order: { kind: 'DESC', code: 'ASC' } });
  }

  count(): Promise<number> {
    return this.organizations.count();
  }

  findById(id: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ id });
  }

  findByCode(code: string): Promise<OrganizationEntity | null> {
    return this.organizations.findOneBy({ code });
  }

  async findByIds(ids: readonly string[]): Promise<(OrganizationEntity | null)[]> {
    const rows = await this.organizations.findBy({ id: In([...ids]) });
    return orderByIds(ids, rows);
  }

  /** Every organisation of the federation `organizationId` belongs to (its root and all below). */
  async federationIds(organizationId: string): Promise<string[]> {
    const all = await this.organizations.find({ select: { id: true, parentId: true } });
    const parentOf = new Map(all.map((o) => [o.id, o.parentId]));
    let root = organizationId;
    for (let i = 0; i < all.length && parentOf.get(root); i++) root = parentOf.get(root)!;
    return this.subtreeIds(root);
  }

  /** The organisation and every organisation below it. */
  async subtreeIds(rootId: string): Promise<string[]> {
    const all = await this.organizations.find({ select: { id: true, parentId: true } });
    return organizationSubtreeIds(rootId, all);
  }

  /** The districts someone of `organizationId` may file proposals and evidence under (shared `filingDistrictIds`). */
  async filingDistrictIds(organizationId: string): Promise<string[]> {
    return filingDistrictIds(organizationId, await this.organizations.find({ select: { id: true, parentId: true, kind: true } }));
  }

  /**
   * Refuses a district someone of `organizationId` may not file under: BAD_USER_INPUT when it is
   * not a district of her federation, FORBIDDEN (reason OUTSIDE_FILING_SCOPE) when it is outside
   * her organisation and the ones below it.
   */
  async assertFilingDistrict(organizationId: string, districtId: string, field = 'districtId'): Promise<void> {
    const district = await this.findById(districtId);
    if (!district || district.kind !== 'district') throw AppErrors.badInput(field, 'is not a known district');
    if (!(await this.federationIds(organizationId)).includes(district.id)) throw AppErrors.badInput(field, 'is not a district of your federation');
    if (!(await this.filingDistrictIds(organizationId)).includes(district.id)) {
      throw AppErrors.forbiddenField(field, OUTSIDE_FILING_SCOPE_REASON, 'you may file only under your own organisation and the ones below it');
    }
  }

  create(input: NewOrganization): Promise<OrganizationEntity> {
    return this.organizations.save(this.organizations.create({ ...input, parentId: input.parentId ?? null }));
  }
}
