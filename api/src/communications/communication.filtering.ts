import type { CrmDomain } from '../common/crm-domain';
import type { MemberType } from '../common/crm-enums';
import type { DerivedAccess } from '../filter/model/catalog';
import { setTest } from '../filter/oracle/oracle';
import type { Test } from '../filter/model/ir';
import type { Sql } from '../filter/sql/dialect';
import { and, not, placeholders, sql } from '../filter/sql/fragments';

/** Communications name their owner in one column per member type. */
export const COMMUNICATION_OWNER: Record<MemberType, string> = { contact: 'contact_id', company: 'company_id', lead: 'lead_id', deal: 'deal_id' };

const ownerOf = (member: string): string => {
  const owner = COMMUNICATION_OWNER[member as MemberType] as string | undefined;
  if (!owner) throw new Error(`${member} records have no communications.`);
  return owner;
};

/** HAS_ANY / HAS_ALL / HAS_NONE of channels (e-mail, phone, messenger) among the owner's communications. */
function communicationsSql(alias: string, member: string, test: Test): Sql {
  const owner = ownerOf(member);
  const has = test as Extract<Test, { kind: 'has' }>;
  const channelSet = (channels: Array<string | number>): Sql => {
    const ids = sql(`SELECT c.${owner} FROM communication c WHERE c.${owner} IS NOT NULL AND c.channel IN (${placeholders(channels.length)})`, ...channels);
    return { sql: `${alias}.id IN (${ids.sql})`, params: ids.params, twoValued: true, idSet: alias === 'm' ? ids : undefined };
  };
  const matched = has.mode === 'all' ? and(has.values.map((v) => channelSet([v]))) : channelSet(has.values);
  return has.negate ? not(matched) : matched;
}

/** `client.communications` / `lead.communications`: the channels of the subject row's own communications. */
export function communicationsAccess(subject: string): DerivedAccess {
  return {
    kind: 'derived',
    subject,
    reads: ['communication'],
    sql: (alias, test, { member }) => communicationsSql(alias, member, test),
    evaluate: (row, test, { member, data }) => {
      const owner = ownerOf(member);
      return setTest(new Set((data.communication ?? []).filter((c) => c[owner] === row.id).map((c) => c.channel)), test);
    },
  };
}

/** A write to a communication touches its owner, whichever kind of record that is. */
export const communicationFiltering: CrmDomain = {
  writes: [
    {
      table: 'communication',
      members: {
        contact: [{ kind: 'column', column: 'contact_id' }],
        company: [{ kind: 'column', column: 'company_id' }],
        lead: [{ kind: 'column', column: 'lead_id' }],
      },
    },
  ],
};
