/** Words the demo CRM is written with: company names, products, and titles of deals, leads, activities. */
import type { ActivityType } from '../activities/activity.entity';
import type { Currency, Locale } from './names';
import type { Rng } from './random';

const COMPANY_CORES: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Acme', 'Blue River', 'Summit', 'Northwind', 'Evergreen', 'Pinnacle', 'Silverline', 'Redwood', 'Brightway', 'Ironclad', 'Horizon', 'Oakridge', 'Keystone', 'Starlight', 'Granite'],
  ru: [
    'Северный ветер',
    'Вектор',
    'Альфа-Строй',
    'Техносфера',
    'Ромашка',
    'Горизонт',
    'Сибирские продукты',
    'Меридиан',
    'Промтех',
    'Восток-Логистик',
    'Стройинвест',
    'Интегра',
    'Ладога',
    'Уральские самоцветы',
  ],
  pl: [
    'Budimex-Plus',
    'Zakłady Mięsne Łuków',
    'Mleczarnia Żywiec',
    'Przedsiębiorstwo Handlowe Wisła',
    'Piekarnia Złoty Kłos',
    'Transport Śląski',
    'Hurtownia Bałtyk',
    'Drukarnia Gryf',
    'Meble Jabłońscy',
    'Usługi Informatyczne Kraków',
  ],
  pt: [
    'Comércio de Alimentos Silva',
    'Construtora Horizonte',
    'Transportes Oliveira',
    'Padaria Pão de Açúcar',
    'Tecnologia Atlântico',
    'Distribuidora São João',
    'Moda Ipanema',
    'Farmácia Conceição',
    'Agropecuária Cerrado',
    'Soluções Lusitanas',
  ],
  vi: ['Minh Phát', 'Hoàng Long', 'Thành Công', 'Đại Việt', 'Phú Quý', 'Sao Mai', 'Bình Minh', 'An Khang', 'Hưng Thịnh', 'Việt Tiến', 'Tân Hiệp Phát', 'Trường Sơn'],
};

const EN_TRADES = ['Logistics', 'Solutions', 'Systems', 'Foods', 'Partners', 'Labs', 'Holdings', 'Media', 'Consulting', 'Supplies', 'Motors', 'Health'];

/** A company title as people write it there: legal form placed and quoted by local habit. */
export function companyTitle(rng: Rng, locale: Locale, country: string): { title: string; core: string } {
  const core = rng.pick(COMPANY_CORES[locale]);
  switch (locale) {
    case 'en': {
      const full = `${core} ${rng.pick(EN_TRADES)}`;
      return { core: full, title: `${full} ${rng.pick(['Inc.', 'LLC', 'Ltd.', 'Co.', 'Group'])}` };
    }
    case 'ru':
      return { core, title: `${rng.pick(['ООО', 'ООО', 'АО', 'ТОО'])} «${core}»` };
    case 'pl':
      return { core, title: `${core} ${rng.pick(['Sp. z o.o.', 'S.A.', 's.c.', 'Sp.j.'])}` };
    case 'pt':
      return { core, title: `${core} ${country === 'Portugal' ? rng.pick(['Lda.', 'S.A.', 'Unipessoal Lda.']) : rng.pick(['Ltda.', 'S.A.', 'ME', 'EIRELI'])}` };
    case 'vi':
      return { core, title: `${rng.pick(['Công ty TNHH', 'Công ty Cổ phần', 'Doanh nghiệp tư nhân'])} ${core}` };
  }
}

export const COMPANY_TIERS = ['Enterprise', 'Mid-market', 'SMB', 'Startup', 'Key account', 'Kluczowy klient', 'Ключевой клиент'];

/** Product nouns in each language, with a typical USD price. */
const PRODUCT_KINDS: ReadonlyArray<readonly [Record<Locale, string>, number]> = [
  [{ en: 'Coffee machine', ru: 'Кофемашина', pl: 'Ekspres do kawy', pt: 'Máquina de café', vi: 'Máy pha cà phê' }, 450],
  [{ en: 'Laptop', ru: 'Ноутбук', pl: 'Laptop', pt: 'Notebook', vi: 'Máy tính xách tay' }, 1100],
  [{ en: 'Office chair', ru: 'Офисное кресло', pl: 'Krzesło biurowe', pt: 'Cadeira de escritório', vi: 'Ghế văn phòng' }, 220],
  [{ en: 'Printer paper', ru: 'Бумага для принтера', pl: 'Papier do drukarki', pt: 'Papel para impressora', vi: 'Giấy in' }, 6],
  [{ en: 'Monitor', ru: 'Монитор', pl: 'Monitor', pt: 'Monitor', vi: 'Màn hình' }, 280],
  [{ en: 'Smartphone', ru: 'Смартфон', pl: 'Smartfon', pt: 'Celular', vi: 'Điện thoại thông minh' }, 650],
  [{ en: 'Wi-Fi router', ru: 'Роутер Wi-Fi', pl: 'Router Wi-Fi', pt: 'Roteador Wi-Fi', vi: 'Bộ phát Wi-Fi' }, 90],
  [{ en: 'Water filter', ru: 'Фильтр для воды', pl: 'Filtr do wody', pt: 'Filtro de água', vi: 'Máy lọc nước' }, 60],
  [{ en: 'Running shoes', ru: 'Кроссовки', pl: 'Buty do biegania', pt: 'Tênis de corrida', vi: 'Giày chạy bộ' }, 120],
  [{ en: 'Green tea', ru: 'Зелёный чай', pl: 'Zielona herbata', pt: 'Chá verde', vi: 'Trà xanh' }, 12],
  [{ en: 'Software licence', ru: 'Лицензия ПО', pl: 'Licencja oprogramowania', pt: 'Licença de software', vi: 'Giấy phép phần mềm' }, 300],
  [{ en: 'Support plan', ru: 'Техподдержка', pl: 'Pakiet wsparcia', pt: 'Plano de suporte', vi: 'Gói hỗ trợ' }, 150],
  [{ en: 'Training course', ru: 'Учебный курс', pl: 'Szkolenie', pt: 'Curso de formação', vi: 'Khóa đào tạo' }, 400],
  [{ en: 'Consulting hour', ru: 'Час консультации', pl: 'Godzina konsultacji', pt: 'Hora de consultoria', vi: 'Giờ tư vấn' }, 80],
  [{ en: 'Pallet of flour', ru: 'Паллета муки', pl: 'Paleta mąki', pt: 'Palete de farinha', vi: 'Pallet bột mì' }, 700],
];
const BRANDS = ['Nordis', 'Vektor', 'Atlas', 'Lumen', 'Orbita', 'Kestrel', 'Solara', 'Zenit', 'Polaris', 'Tundra', 'Żubr', 'Sông Hồng'];

/** The gym products come first in the catalog so the "Gym memberships" pipeline can sell them. */
export const GYM_PRODUCTS: ReadonlyArray<readonly [string, number]> = [
  ['Monthly gym membership', 45],
  ['Quarterly gym membership', 120],
  ['Annual gym membership', 420],
  ['Personal training (10 sessions)', 350],
];

export function productName(rng: Rng, index: number): { name: string; usd: number } {
  const [names, usd] = rng.pick(PRODUCT_KINDS);
  const locale = rng.pick(['en', 'en', 'ru', 'pl', 'pt', 'vi'] as const);
  const model = `${String.fromCharCode(65 + (index % 26))}-${100 + (index % 900)}`;
  return { name: `${names[locale]} ${rng.pick(BRANDS)} ${model}`, usd: Math.round(usd * (0.6 + rng.next() * 0.8) * 100) / 100 };
}

/** Money in each currency per US dollar, so amounts look local. */
export const USD_RATE: Readonly<Record<Currency, number>> = {
  USD: 1,
  GBP: 0.79,
  RUB: 92,
  KZT: 470,
  PLN: 4,
  BRL: 5.1,
  EUR: 0.92,
  VND: 24500,
};

const DEAL_TITLES: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Supply of', 'Order:', 'Renewal —', 'Upgrade to', 'Pilot:'],
  ru: ['Поставка:', 'Заказ:', 'Продление —', 'Договор на', 'Пилот:'],
  pl: ['Dostawa:', 'Zamówienie:', 'Odnowienie —', 'Umowa na', 'Pilotaż:'],
  pt: ['Fornecimento de', 'Pedido:', 'Renovação —', 'Contrato de', 'Piloto:'],
  vi: ['Cung cấp', 'Đơn hàng:', 'Gia hạn —', 'Hợp đồng', 'Thử nghiệm:'],
};

export function dealTitle(rng: Rng, locale: Locale, subject: string): string {
  return `${rng.pick(DEAL_TITLES[locale])} ${subject}`;
}

const LEAD_TITLES: Readonly<Record<Locale, readonly string[]>> = {
  en: ['Website inquiry', 'Request for a quote', 'Callback request', 'Trade show contact', 'Newsletter sign-up'],
  ru: ['Заявка с сайта', 'Запрос коммерческого предложения', 'Обратный звонок', 'Контакт с выставки', 'Подписка на рассылку'],
  pl: ['Zapytanie ze strony', 'Zapytanie ofertowe', 'Prośba o kontakt', 'Kontakt z targów', 'Zapis do newslettera'],
  pt: ['Contato pelo site', 'Pedido de orçamento', 'Pedido de retorno', 'Contato da feira', 'Inscrição na newsletter'],
  vi: ['Yêu cầu từ website', 'Yêu cầu báo giá', 'Yêu cầu gọi lại', 'Liên hệ từ hội chợ', 'Đăng ký bản tin'],
};

export function leadTitle(rng: Rng, locale: Locale, who: string | null): string {
  const base = rng.pick(LEAD_TITLES[locale]);
  return who ? `${base}: ${who}` : base;
}

export const ACTIVITY_SUBJECTS: Readonly<Record<ActivityType, readonly string[]>> = {
  CALL: ['Intro call', 'Follow-up call', 'Звонок клиенту', 'Telefon do klienta', 'Ligar para o cliente', 'Gọi lại cho khách'],
  EMAIL: ['Sent the proposal', 'Price list', 'Отправить КП', 'Wysłać ofertę', 'Enviar proposta', 'Gửi báo giá'],
  MEETING: ['Demo meeting', 'Contract signing', 'Встреча в офисе', 'Spotkanie w biurze', 'Reunião presencial', 'Họp với khách hàng'],
  TASK: ['Prepare the invoice', 'Check the payment', 'Подготовить договор', 'Przygotować fakturę', 'Preparar a fatura', 'Chuẩn bị hợp đồng'],
};
