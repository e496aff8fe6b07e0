import { defineMessages } from '@/i18n/define-messages';
import { en } from './en';
import { pl } from './pl';
import { pt } from './pt';
import { ru } from './ru';
import { vi } from './vi';

/**
 * The dynamic segment editor: builder words (react-querybuilder's own labels too), counts,
 * preview, saving, history — one file per language; defineMessages checks they share English's keys.
 */
export const segmentEditorMessages = defineMessages({ en, ru, pl, pt, vi });
