import { defineMessages } from '@/i18n/define-messages';
import { en } from './messages/en';
import { pl } from './messages/pl';
import { pt } from './messages/pt';
import { ru } from './messages/ru';
import { vi } from './messages/vi';

/**
 * The page of a static segment: its size, the import with progress and report, the stored
 * addresses; one file per language (each is a hundred lines).
 */
export const staticSegmentMessages = defineMessages({ en, ru, pl, pt, vi });
