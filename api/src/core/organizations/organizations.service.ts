import type { OrganizationKind } from '@jianyan/shared';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
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
    const result = [rootId];
    for (let i = 0; i < result.length; i++) {
      for (const org of all) if (org.parentId === result[i]) result.push(org.id);
    }
    return result;
  }

  create(input: NewOrganization): Promise<OrganizationEntity> {
    return this.organizations.save(this.organizations.create({ ...input, parentId: input.parentId ?? null }));
  }
}
