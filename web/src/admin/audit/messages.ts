import { defineMessages } from '@/i18n/define-messages';
import { en } from './messages/en';
import { pl } from './messages/pl';
import { pt } from './messages/pt';
import { ru } from './messages/ru';
import { vi } from './messages/vi';

/** The audit log page; one file per language (each is ninety lines). */
export const auditMessages = defineMessages({ en, ru, pl, pt, vi });
