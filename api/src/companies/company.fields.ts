import { field } from '../records/crm-field';
import type { FieldDef } from '../filter/model/catalog';
import { FieldValueType as T } from '../filter/language/filter.enums';
import { label } from '../filter/language/labels';
import { ReferenceList } from '../reference-lists/reference-item.entity';

/** `company.*`: the company itself for a company member, the contact's company for a contact. */
export const companyFields: FieldDef[] = [
  // Free text that names a record (a sole trader's company is a person's name): a prefix oracle would spell it out.
  field({
    id: 'company.title',
    personal: true,
    label: label('Company name', 'Название компании', 'Nazwa firmy', 'Nome da empresa', 'Tên công ty'),
    type: T.STRING,
    access: { kind: 'column', subject: 'company', column: 'title_folded', columnKind: 'text' },
  }),
  field({
    id: 'company.type',
    label: label('Company type', 'Тип компании', 'Typ firmy', 'Tipo de empresa', 'Loại công ty'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'company', column: 'type_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.COMPANY_TYPE },
  }),
  field({
    id: 'company.industry',
    label: label('Industry', 'Сфера деятельности', 'Branża', 'Setor', 'Ngành'),
    type: T.REFERENCE,
    access: { kind: 'column', subject: 'company', column: 'industry_id', columnKind: 'key' },
    values: { kind: 'reference', list: ReferenceList.INDUSTRY },
  }),
  field({
    id: 'company.revenue',
    label: label('Annual revenue', 'Годовой оборот', 'Roczny przychód', 'Receita anual', 'Doanh thu năm'),
    type: T.NUMBER,
    access: { kind: 'column', subject: 'company', column: 'revenue', columnKind: 'number' },
  }),
  field({
    id: 'company.employees',
    label: label('Employees', 'Сотрудников', 'Pracownicy', 'Funcionários', 'Số nhân viên'),
    type: T.NUMBER,
    access: { kind: 'column', subject: 'company', column: 'employees', columnKind: 'number' },
  }),
  field({
    id: 'company.responsible',
    label: label('Responsible (company)', 'Ответственный (компания)', 'Odpowiedzialny (firma)', 'Responsável (empresa)', 'Người phụ trách (công ty)'),
    type: T.USER,
    access: { kind: 'column', subject: 'company', column: 'responsible_id', columnKind: 'key' },
    values: { kind: 'users' },
    searchable: true,
  }),
];
