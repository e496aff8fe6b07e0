import { field, type FieldDef } from '../filter/catalog';
import { FieldValueType as T, SegmentSource } from '../filter/filter.enums';
import { label } from '../filter/labels';

/** `segment.membership`: member of any (IN) / none (NOT_IN) of saved segments, for exclusions. */
export const membershipFields: FieldDef[] = [
  field({
    id: 'segment.membership',
    sources: [SegmentSource.CLIENTS, SegmentSource.LEADS],
    label: label('Member of segment', 'Участник сегмента', 'Członek segmentu', 'Membro do segmento', 'Thuộc phân khúc'),
    type: T.SEGMENT,
    access: { kind: 'membership' },
    values: { kind: 'segments' },
    searchable: true,
  }),
];
