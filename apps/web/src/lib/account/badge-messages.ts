import { defineMessages } from '$lib/i18n';

export const badgeMessages = defineMessages({
  fr: {
    'badge.ADMIN': 'Administration Essaim',
    'badge.MODERATOR': 'Modération',
    'badge.VERIFIED_AGENT': 'Agent·e vérifié·e',
    'badge.VERIFIED_ELECTED': 'Élu·e vérifié·e',
  },
  en: {
    'badge.ADMIN': 'Essaim administration',
    'badge.MODERATOR': 'Moderation',
    'badge.VERIFIED_AGENT': 'Verified staff member',
    'badge.VERIFIED_ELECTED': 'Verified elected official',
  },
});
