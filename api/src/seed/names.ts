/**
 * People and places of the demo CRM, in the languages of the source articles (Polish, Russian,
 * Vietnamese, Portuguese) plus English: Cyrillic, Polish and Vietnamese diacritics and Portuguese
 * accents are what exercise case folding and normalisation in segment filters.
 */
import { Weighted } from './random';

export type Locale = 'en' | 'ru' | 'pl' | 'pt' | 'vi';

export interface NameSet {
  male: readonly string[];
  female: readonly string[];
  /** Family names in the masculine form; `feminine()` derives the other where the language inflects. */
  family: readonly string[];
  /** Middle names: patronymic pairs (ru) or Vietnamese middle names, [male, female]. */
  middle?: ReadonlyArray<readonly [string, string]>;
}

const words = (text: string): string[] => text.trim().split(/\s+/);

export const NAMES: Readonly<Record<Locale, NameSet>> = {
  en: {
    male: words('James John Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Steven Paul Andrew Joshua Kevin Brian George Edward Ryan Jacob'),
    female: words('Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Emily Donna Michelle Olivia Emma Sophia Chloe Grace'),
    family: words(
      "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson Thompson White Harris Clark Lewis Walker Hall Young King Wright Scott Green Baker Adams Nelson Hill O'Brien McDonald",
    ),
  },
  ru: {
    male: words('Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Артём Николай Владимир Павел Роман Олег Игорь Юрий Константин Денис Тимофей'),
    female: words('Анна Мария Елена Ольга Наталья Татьяна Ирина Екатерина Светлана Юлия Анастасия Дарья Ксения Полина Виктория Алёна Людмила Галина Вера Софья'),
    family: words(
      'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Шевченко Бондаренко Ким Черных Достоевский Толстой Ильин',
    ),
    middle: [
      ['Александрович', 'Александровна'],
      ['Сергеевич', 'Сергеевна'],
      ['Дмитриевич', 'Дмитриевна'],
      ['Андреевич', 'Андреевна'],
      ['Алексеевич', 'Алексеевна'],
      ['Иванович', 'Ивановна'],
      ['Михайлович', 'Михайловна'],
      ['Николаевич', 'Николаевна'],
      ['Владимирович', 'Владимировна'],
      ['Павлович', 'Павловна'],
      ['Юрьевич', 'Юрьевна'],
      ['Олегович', 'Олеговна'],
      ['Петрович', 'Петровна'],
    ],
  },
  pl: {
    male: words('Jan Andrzej Piotr Krzysztof Stanisław Tomasz Paweł Józef Marcin Marek Michał Grzegorz Jerzy Tadeusz Adam Łukasz Zbigniew Ryszard Dariusz Mateusz'),
    female: words('Anna Maria Katarzyna Małgorzata Agnieszka Barbara Ewa Krystyna Elżbieta Zofia Joanna Magdalena Monika Danuta Aleksandra Natalia Żaneta Jadwiga Beata Łucja'),
    family: words(
      'Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski Kozłowski Jankowski Mazur Wojciechowski Kwiatkowski Krawczyk Kaczmarek Piotrowski Grabowski Zając Pawłowski Michalski Król Wieczorek Jabłoński Wróbel Nowakowski Majewski Olszewski Sadowski Brzęczyszczykiewicz',
    ),
  },
  pt: {
    male: words('João José Antônio Francisco Carlos Paulo Pedro Lucas Luiz Marcos Luís Gabriel Rafael Daniel Marcelo Bruno Eduardo Felipe Raimundo Rodrigo Tiago Gonçalo Rui Nuno'),
    female: words('Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Letícia Beatriz Inês Leonor Mariana Conceição'),
    family: words(
      'Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Araújo Gonçalves Sousa Magalhães Conceição Melo Simões',
    ),
  },
  vi: {
    male: words('An Bảo Cường Dũng Hải Hiếu Hòa Hùng Huy Khang Khoa Long Minh Nam Phong Phúc Quang Sơn Tâm Thắng Trung Tuấn Việt Vinh'),
    female: words('Anh Châu Chi Dung Giang Hà Hạnh Hằng Hoa Hương Lan Linh Loan Mai My Ngân Nhung Oanh Phương Quyên Thảo Thủy Trang Trinh Vân Yến'),
    family: words('Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý'),
    middle: [
      ['Văn', 'Thị'],
      ['Hữu', 'Ngọc'],
      ['Đức', 'Thu'],
      ['Minh', 'Thanh'],
      ['Quốc', 'Kim'],
      ['Thành', 'Mai'],
      ['Công', 'Phương'],
    ],
  },
};

/** Russian and Polish family names agree with gender; the others do not change. */
export function feminine(locale: Locale, family: string): string {
  if (locale === 'ru') {
    if (/(ов|ев|ёв|ин|ын)$/.test(family)) return `${family}а`;
    if (/(ский|цкий)$/.test(family)) return `${family.slice(0, -2)}ая`;
    if (family.endsWith('ой')) return `${family.slice(0, -2)}ая`;
    return family;
  }
  if (locale === 'pl') return family.replace(/(sk|ck|dzk)i$/, '$1a');
  return family;
}

/** The currencies of the profiles (each has a rate in USD_RATE). */
export type Currency = 'USD' | 'GBP' | 'RUB' | 'KZT' | 'PLN' | 'BRL' | 'EUR' | 'VND';

/** Where a record lives: country, cities, address conventions and money. */
export interface Profile {
  code: string;
  locale: Locale;
  country: string;
  cities: readonly string[];
  currency: Currency;
  /** Top-level domain of company web sites. */
  tld: string;
  /** Free mail providers people use there. */
  mail: readonly string[];
  /** Calling code and mobile prefixes; a national number is a prefix + 7 digits. */
  callingCode: string;
  mobile: readonly string[];
  /** Landline prefixes for company phones. */
  landline: readonly string[];
  /** Display masks for the national number: '#' is a digit; the calling code is prepended. */
  formats: readonly string[];
}

const profile = (p: Profile): Profile => p;

export const PROFILES: readonly Profile[] = [
  profile({
    code: 'US',
    locale: 'en',
    country: 'United States',
    currency: 'USD',
    tld: 'com',
    callingCode: '1',
    cities: ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'San Francisco', 'Seattle', 'Boston', 'Austin', 'Denver'],
    mail: ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com'],
    mobile: ['212', '305', '415', '617', '312', '702', '206', '512'],
    landline: ['646', '718', '213'],
    formats: [' (###) ###-####', ' ###-###-####', '##########', '.###.###.####'],
  }),
  profile({
    code: 'GB',
    locale: 'en',
    country: 'United Kingdom',
    currency: 'GBP',
    tld: 'co.uk',
    callingCode: '44',
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Edinburgh', 'Bristol'],
    mail: ['gmail.com', 'outlook.com', 'btinternet.com', 'yahoo.co.uk'],
    mobile: ['791', '770', '745', '787'],
    landline: ['207', '161', '121'],
    formats: [' #### ######', '##########', ' (0)#### ######'],
  }),
  profile({
    code: 'RU',
    locale: 'ru',
    country: 'Россия',
    currency: 'RUB',
    tld: 'ru',
    callingCode: '7',
    cities: ['Москва', 'Санкт-Петербург', 'Новосибирск', 'Екатеринбург', 'Казань', 'Нижний Новгород', 'Челябинск', 'Самара', 'Ростов-на-Дону', 'Уфа', 'Красноярск', 'Пермь', 'Воронеж'],
    mail: ['mail.ru', 'yandex.ru', 'gmail.com', 'bk.ru', 'rambler.ru'],
    mobile: ['916', '903', '926', '985', '911', '921', '999', '950'],
    landline: ['495', '812', '383'],
    formats: [' (###) ###-##-##', ' ### ### ## ##', '##########', ' ###-###-####'],
  }),
  profile({
    code: 'KZ',
    locale: 'ru',
    country: 'Казахстан',
    currency: 'KZT',
    tld: 'kz',
    callingCode: '7',
    cities: ['Алматы', 'Астана', 'Шымкент', 'Караганда', 'Актобе'],
    mail: ['mail.ru', 'gmail.com', 'yandex.kz'],
    mobile: ['701', '705', '707', '747', '777'],
    landline: ['727', '717'],
    formats: [' (###) ###-##-##', ' ### ### ####', '##########'],
  }),
  profile({
    code: 'PL',
    locale: 'pl',
    country: 'Polska',
    currency: 'PLN',
    tld: 'pl',
    callingCode: '48',
    cities: ['Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Szczecin', 'Bydgoszcz', 'Lublin', 'Białystok', 'Katowice', 'Częstochowa', 'Rzeszów', 'Toruń'],
    mail: ['wp.pl', 'onet.pl', 'o2.pl', 'gmail.com', 'interia.pl'],
    mobile: ['50', '51', '60', '66', '69', '72', '78', '88'],
    landline: ['22', '12', '58'],
    formats: [' ### ### ###', '#########', ' ## ### ## ##', '-###-###-###'],
  }),
  profile({
    code: 'BR',
    locale: 'pt',
    country: 'Brasil',
    currency: 'BRL',
    tld: 'com.br',
    callingCode: '55',
    cities: ['São Paulo', 'Rio de Janeiro', 'Brasília', 'Salvador', 'Fortaleza', 'Belo Horizonte', 'Manaus', 'Curitiba', 'Recife', 'Porto Alegre', 'Belém', 'Goiânia', 'Florianópolis', 'Maceió'],
    mail: ['gmail.com', 'hotmail.com', 'uol.com.br', 'bol.com.br', 'yahoo.com.br'],
    mobile: ['1191', '2198', '3199', '4197', '5199', '6198', '7198', '8199'],
    landline: ['113', '212', '313'],
    formats: [' (##) #####-####', ' ## #####-####', '###########', ' ## ##### ####', ' (##) ####-####', ' ## ####-####', '##########'],
  }),
  profile({
    code: 'PT',
    locale: 'pt',
    country: 'Portugal',
    currency: 'EUR',
    tld: 'pt',
    callingCode: '351',
    cities: ['Lisboa', 'Porto', 'Braga', 'Coimbra', 'Funchal', 'Setúbal', 'Aveiro', 'Évora', 'Faro', 'Guimarães'],
    mail: ['gmail.com', 'sapo.pt', 'hotmail.com', 'outlook.pt'],
    mobile: ['91', '92', '93', '96'],
    landline: ['21', '22'],
    formats: [' ### ### ###', '#########', ' ## ### ## ##'],
  }),
  profile({
    code: 'VN',
    locale: 'vi',
    country: 'Việt Nam',
    currency: 'VND',
    tld: 'vn',
    callingCode: '84',
    cities: ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Nha Trang', 'Biên Hòa', 'Vũng Tàu', 'Đà Lạt', 'Quy Nhơn'],
    mail: ['gmail.com', 'yahoo.com.vn', 'outlook.com', 'vnn.vn'],
    mobile: ['90', '91', '93', '96', '98', '70', '86', '35'],
    landline: ['24', '28'],
    formats: [' ### ### ###', ' ## #### ###', '#########', ' (#) #### ####'],
  }),
];

/** How the demo base is spread over countries (weights, not shares). */
export const PROFILE_WEIGHTS = new Weighted<number>([
  [0, 18],
  [1, 8],
  [2, 22],
  [3, 4],
  [4, 15],
  [5, 14],
  [6, 6],
  [7, 13],
]);

/** Cyrillic to ASCII for e-mail addresses and handles (a simplified passport-style scheme). */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

const asciiCache = new Map<string, string>();

/** Lower-case ASCII letters only: "Łukasz" → "lukasz", "Đặng" → "dang", "Фёдоров" → "fedorov". */
export function ascii(text: string): string {
  let cached = asciiCache.get(text);
  if (cached === undefined) {
    cached = [...text.toLowerCase()]
      .map((ch) => CYRILLIC[ch] ?? ch)
      .join('')
      .replace(/ł/g, 'l')
      .replace(/đ/g, 'd')
      .normalize('NFD')
      .replace(/[^a-z]/g, '');
    asciiCache.set(text, cached);
  }
  return cached;
}
