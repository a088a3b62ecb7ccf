import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { RelatedMatterCaseAddedV1, RelatedMatterClosedV1, RelatedMatterOpenedV1 } from '@redress/contracts';
import { withTenant } from '@redress/database';
import { DomainError, isUuid, ValidationError } from '@redress/domain-kit';
import type { OutboxWriter } from '@redress/events';
import { validateMatter, type RelatedCaseRef, type RelatedMatter, type RelatedMatterInput } from '../domain/related-matter';
import { relatedMatterRepository } from '../infrastructure/related-matter.repository';

interface Ctx {
  tenantId: string;
  actorId: string;
  correlationId: string;
}

/** Staff open a related matter (by hand, or accepting the service's suggestion) and add cases to it. */
export class RelatedMatterHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async open(command: Ctx & { input: RelatedMatterInput }): Promise<RelatedMatter> {
    const valid = validateMatter(command.input);
    checkIds(valid.cases, 'input.cases');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      await this.assertKnown(manager, command.tenantId, valid.cases, 'input.cases');
      const at = this.now();
      const matter: RelatedMatter = {
        tenantId: command.tenantId,
        id: randomUUID(),
        title: valid.title,
        productName: valid.productName,
        issue: valid.issue,
        origin: valid.origin,
        status: 'OPEN',
        openedBy: command.actorId,
        openedAt: at,
      };
      await relatedMatterRepository.insert(manager, matter);
      await this.outbox.append(
        manager,
        RelatedMatterOpenedV1,
        { matterId: matter.id, title: matter.title, productName: matter.productName, issue: matter.issue, origin: matter.origin, caseCount: valid.cases.length, openedAt: at.toISOString() },
        { tenantId: command.tenantId, aggregateId: matter.id, correlationId: command.correlationId },
      );
      await this.addAll(manager, command, matter.id, valid.cases, at);
      return matter;
    });
  }

  async addCases(command: Ctx & { matterId: string; cases: RelatedCaseRef[] }): Promise<RelatedMatter> {
    if (!isUuid(command.matterId)) throw new ValidationError('input.matterId', 'is not a matter id');
    checkIds(command.cases, 'input.cases');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const [matter] = await relatedMatterRepository.findByIds(manager, command.tenantId, [command.matterId]);
      if (!matter) throw new DomainError('NOT_FOUND', 'No such related matter', { field: 'input.matterId' });
      await this.assertKnown(manager, command.tenantId, command.cases, 'input.cases');
      await this.addAll(manager, command, matter.id, command.cases, this.now());
      return matter;
    });
  }

  async close(command: Ctx & { matterId: string }): Promise<RelatedMatter> {
    if (!isUuid(command.matterId)) throw new ValidationError('input.matterId', 'is not a matter id');
    return withTenant(this.dataSource, command.tenantId, async (manager) => {
      const [matter] = await relatedMatterRepository.findByIds(manager, command.tenantId, [command.matterId]);
      if (!matter) throw new DomainError('NOT_FOUND', 'No such related matter', { field: 'input.matterId' });
      if (!(await relatedMatterRepository.close(manager, command.tenantId, matter.id))) {
        throw new DomainError('CONFLICT', `The matter is ${matter.status}; only an OPEN matter can become CLOSED.`, {
          field: 'input.matterId',
          currentStatus: matter.status,
          targetStatus: 'CLOSED',
        });
      }
      const at = this.now();
      await this.outbox.append(manager, RelatedMatterClosedV1, { matterId: matter.id, closedAt: at.toISOString() }, {
        tenantId: command.tenantId,
        aggregateId: matter.id,
        correlationId: command.correlationId,
      });
      return { ...matter, status: 'CLOSED' };
    });
  }

  private async assertKnown(manager: EntityManager, tenantId: string, cases: RelatedCaseRef[], field: string): Promise<void> {
    const known = await relatedMatterRepository.knownCases(manager, tenantId, cases);
    const missing = cases.findIndex((c) => !known.has(`${c.caseType}:${c.caseId}`));
    if (missing >= 0) throw new DomainError('NOT_FOUND', `No such ${cases[missing]!.caseType.toLowerCase()}`, { field: `${field}.${missing}.caseId` });
  }

  private async addAll(manager: EntityManager, command: Ctx, matterId: string, cases: RelatedCaseRef[], at: Date): Promise<void> {
    for (const c of cases) {
      const added = await relatedMatterRepository.addCase(manager, command.tenantId, { matterId, ...c, addedBy: command.actorId, addedAt: at });
      if (!added) continue;
      await this.outbox.append(
        manager,
        RelatedMatterCaseAddedV1,
        { matterId, caseType: c.caseType, caseId: c.caseId, addedAt: at.toISOString() },
        { tenantId: command.tenantId, aggregateId: matterId, correlationId: command.correlationId },
      );
    }
  }
}

function checkIds(cases: RelatedCaseRef[], field: string): void {
  cases.forEach((c, i) => {
    if (!isUuid(c.caseId)) throw new ValidationError(`${field}.${i}.caseId`, 'is not an id');
  });
}
