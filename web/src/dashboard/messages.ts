import { defineMessages } from '@/i18n/define-messages';

export const dashboardMessages = defineMessages({
  en: {
    title: 'Dashboard',
    records: { heading: 'Records', contacts: 'Contacts', companies: 'Companies', leads: 'Leads', deals: 'Deals', products: 'Products', orders: 'Orders' },
    pipelines: { heading: 'Pipelines', empty: 'No pipelines yet.', noStages: 'No stages.', default: 'Default' },
    loading: 'Loading the dashboard…',
    errorTitle: 'The dashboard could not be loaded',
  },
  ru: {
    title: 'Обзор',
    records: { heading: 'Записи', contacts: 'Контакты', companies: 'Компании', leads: 'Лиды', deals: 'Сделки', products: 'Товары', orders: 'Заказы' },
    pipelines: { heading: 'Воронки', empty: 'Воронок пока нет.', noStages: 'Нет стадий.', default: 'Основная' },
    loading: 'Загрузка обзора…',
    errorTitle: 'Не удалось загрузить обзор',
  },
  pl: {
    title: 'Pulpit',
    records: { heading: 'Rekordy', contacts: 'Kontakty', companies: 'Firmy', leads: 'Leady', deals: 'Deale', products: 'Produkty', orders: 'Zamówienia' },
    pipelines: { heading: 'Lejki', empty: 'Nie ma jeszcze lejków.', noStages: 'Brak etapów.', default: 'Domyślny' },
    loading: 'Ładowanie pulpitu…',
    errorTitle: 'Nie udało się załadować pulpitu',
  },
  pt: {
    title: 'Painel',
    records: { heading: 'Registros', contacts: 'Contatos', companies: 'Empresas', leads: 'Leads', deals: 'Negócios', products: 'Produtos', orders: 'Pedidos' },
    pipelines: { heading: 'Funis', empty: 'Ainda não há funis.', noStages: 'Sem etapas.', default: 'Padrão' },
    loading: 'Carregando o painel…',
    errorTitle: 'Não foi possível carregar o painel',
  },
  vi: {
    title: 'Tổng quan',
    records: { heading: 'Bản ghi', contacts: 'Liên hệ', companies: 'Công ty', leads: 'Khách tiềm năng', deals: 'Giao dịch', products: 'Sản phẩm', orders: 'Đơn hàng' },
    pipelines: { heading: 'Quy trình', empty: 'Chưa có quy trình nào.', noStages: 'Không có giai đoạn.', default: 'Mặc định' },
    loading: 'Đang tải tổng quan…',
    errorTitle: 'Không thể tải tổng quan',
  },
});
