import type { ChildWrites } from '../records/child-writes';
import type { Path, WriteContext } from '../records/write-context';
import { UserErrorCode } from '../common/user-error';
import { Communication } from './communication.entity';
import { Channel, CommunicationValueType, MESSENGER_VALUE_TYPES } from './communication.enums';
import type { CommunicationInput } from './communication.inputs';
import { normalizeAddress } from './normalize';

export type CommunicationOwner = 'contact' | 'company' | 'lead';

export interface PreparedCommunication {
  channel: Channel;
  valueType: CommunicationValueType;
  value: string;
  normalized: string;
}

const MAX_COMMUNICATIONS = 50;

/** Validates and normalises a record's communications; undefined = leave the stored ones alone. */
export function prepareCommunications(inputs: CommunicationInput[] | null | undefined, ctx: WriteContext, path: Path): PreparedCommunication[] | undefined {
  if (inputs === undefined) return undefined;
  if (inputs === null) return [];
  if (inputs.length > MAX_COMMUNICATIONS) {
    ctx.problem(path, UserErrorCode.TOO_MANY, `A record can have at most ${MAX_COMMUNICATIONS} communications.`);
    return undefined;
  }
  const prepared: PreparedCommunication[] = [];
  inputs.forEach((input, index) => {
    const itemPath = [...path, index];
    const valueType = input.valueType ?? (input.channel === Channel.IM ? CommunicationValueType.OTHER : CommunicationValueType.WORK);
    if (MESSENGER_VALUE_TYPES.has(valueType) && input.channel !== Channel.IM) {
      ctx.problem([...itemPath, 'valueType'], UserErrorCode.INVALID, `${valueType} is a messenger; use it with channel IM.`);
      return;
    }
    const value = input.value.trim();
    if (value.length > 320) {
      ctx.problem([...itemPath, 'value'], UserErrorCode.INVALID, 'An address is at most 320 characters.');
      return;
    }
    const normalized = normalizeAddress(input.channel, value, ctx.config.defaultPhoneRegion);
    if (!normalized.ok) {
      const code = input.channel === Channel.EMAIL ? UserErrorCode.INVALID_EMAIL : input.channel === Channel.PHONE ? UserErrorCode.INVALID_PHONE : UserErrorCode.INVALID;
      ctx.problem([...itemPath, 'value'], code, normalized.reason);
      return;
    }
    // The same address twice on one record adds nothing but a duplicate recipient row.
    if (prepared.some((p) => p.channel === input.channel && p.normalized === normalized.value)) return;
    prepared.push({ channel: input.channel, valueType, value, normalized: normalized.value });
  });
  return prepared;
}

/** Replaces the owner's communications with the prepared ones (stored with the rest of the batch). */
export function replaceCommunications(children: ChildWrites, owner: CommunicationOwner, ownerKey: number, prepared: PreparedCommunication[]): void {
  const now = new Date();
  children.replace({ entity: Communication, owner, ownerKey, rows: prepared.map((p) => ({ ...p, [owner]: ownerKey, createdAt: now })) });
}
