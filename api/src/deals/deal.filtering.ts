import type { CrmDomain } from '../common/crm-domain';
import { FilterScope } from '../common/crm-enums';
import { ProblemCode } from '../filter/language/problems';
import type { IrGroup, IrRule } from '../filter/model/ir';
import type { ProblemSink } from '../filter/model/model';
import { dealFields } from './deal.fields';

/**
 * Deals: the DEALS scope of contacts and companies, and the members of the deals list (`deal.*`
 * on the deal itself). A write to a deal touches the deal and its contact and company.
 */
export const dealFiltering: CrmDomain = {
  fields: dealFields,
  members: { deal: { table: 'deal', reaches: { deal: { kind: 'self' } } } },
  scopes: { [FilterScope.DEALS]: { subject: 'deal', from: 'deal', owner: { contact: 'contact_id', company: 'company_id' }, rows: (data) => data.deal ?? [] } },
  checks: [stagesNeedPipelines],
  writes: [
    {
      table: 'deal',
      members: { deal: [{ kind: 'column', column: 'id' }], contact: [{ kind: 'column', column: 'contact_id' }], company: [{ kind: 'column', column: 'company_id' }] },
    },
  ],
};

/** Bitrix24's rule: a stage only means something within a pipeline, so it needs a pipeline rule beside it. */
function stagesNeedPipelines(group: IrGroup, problem: ProblemSink): void {
  if (group.scope === FilterScope.DEALS) {
    const rules: IrRule[] = [];
    const collect = (g: IrGroup) => g.children.forEach((c) => (c.type === 'rule' ? rules.push(c) : collect(c)));
    collect(group);
    if (!rules.some((r) => r.field.id === 'deal.pipeline')) {
      for (const stage of rules.filter((r) => r.field.id === 'deal.stage')) {
        problem([...stage.path, 'field'], ProblemCode.STAGE_WITHOUT_PIPELINE, 'Select the deal pipeline filter and specify one or more pipelines from which deals will move into the segment.');
      }
    }
  }
  group.children.forEach((c) => c.type === 'group' && stagesNeedPipelines(c, problem));
}
