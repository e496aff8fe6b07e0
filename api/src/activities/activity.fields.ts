import { field } from '../records/crm-field';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T, FilterOperator as Op } from '../filter/language/filter.enums';
import { FilterScope, SegmentSource } from '../common/crm-enums';
import { label } from '../filter/language/labels';

const both = [SegmentSource.CLIENTS, SegmentSource.LEADS];

/** `activity.*`: one activity of the member (contacts, companies and leads have them). */
export const activityFields: FieldDef[] = [
  field({
    id: 'activity.type',
    scope: FilterScope.ACTIVITIES,
    sources: both,
    label: label('Activity type', 'Тип дела', 'Typ aktywności', 'Tipo de atividade', 'Loại hoạt động'),
    type: T.ENUM,
    operators: [Op.IN, Op.NOT_IN],
    access: { kind: 'column', subject: 'activity', column: 'type', columnKind: 'enum' },
    values: {
      kind: 'static',
      options: [
        { value: 'CALL', label: label('Call', 'Звонок', 'Połączenie', 'Ligação', 'Cuộc gọi') },
        { value: 'EMAIL', label: label('E-mail', 'Письмо', 'E-mail', 'E-mail', 'Email') },
        { value: 'MEETING', label: label('Meeting', 'Встреча', 'Spotkanie', 'Reunião', 'Cuộc họp') },
        { value: 'TASK', label: label('Task', 'Задача', 'Zadanie', 'Tarefa', 'Nhiệm vụ') },
      ],
    },
  }),
  field({
    id: 'activity.createdAt',
    scope: FilterScope.ACTIVITIES,
    sources: both,
    label: label('Activity date', 'Дата дела', 'Data aktywności', 'Data da atividade', 'Ngày hoạt động'),
    type: T.DATETIME,
    access: { kind: 'column', subject: 'activity', column: 'created_at', columnKind: 'datetime' },
  }),
  field({
    id: 'activity.completed',
    scope: FilterScope.ACTIVITIES,
    sources: both,
    label: label('Activity completed', 'Дело завершено', 'Aktywność zakończona', 'Atividade concluída', 'Hoạt động hoàn thành'),
    type: T.BOOLEAN,
    access: { kind: 'column', subject: 'activity', column: 'completed', columnKind: 'boolean' },
  }),
];
