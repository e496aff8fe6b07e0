import { field } from '../../records/crm-field';
import type { FieldDef } from '../../filter/model/catalog';
import { FieldValueType as T } from '../../filter/language/filter.enums';
import { SegmentSource } from '../../common/crm-enums';
import { label } from '../../filter/language/labels';

/** The field id of membership rules (stored filters name it; cycle and in-use checks look for it). */
export const MEMBERSHIP_FIELD = 'segment.membership';

/** `segment.membership`: member of any (IN) / none (NOT_IN) of saved segments, for exclusions. */
export const membershipFields: FieldDef[] = [
  field({
    id: MEMBERSHIP_FIELD,
    sources: [SegmentSource.CLIENTS, SegmentSource.LEADS],
    label: label('Member of segment', 'Участник сегмента', 'Członek segmentu', 'Membro do segmento', 'Thuộc phân khúc'),
    type: T.SEGMENT,
    access: { kind: 'membership' },
    values: { kind: 'segments' },
    searchable: true,
  }),
];
