import { defineMessages } from '$lib/i18n';

export const notificationMessages = defineMessages({
  fr: {
    'bell.label': 'Notifications',
    'bell.unread': 'Notifications ({count} {count, one {non lue} other {non lues}})',
    'page.title': 'Notifications',
    'page.empty':
      'Aucune notification pour l’instant. Vous serez prévenu·e des réponses dans les sujets que vous suivez, des mentions et des réponses acceptées.',
    'page.unread': '{count} {count, one {notification non lue} other {notifications non lues}}',
    'page.markAll': 'Tout marquer comme lu',
    'page.new': 'Nouveau',
    'page.next': 'Notifications plus anciennes',
    'page.first': 'Les plus récentes',
  },
  en: {
    'bell.label': 'Notifications',
    'bell.unread': 'Notifications ({count} unread)',
    'page.title': 'Notifications',
    'page.empty': 'No notification yet. You will hear about replies in the threads you follow, mentions and accepted answers.',
    'page.unread': '{count} unread {count, one {notification} other {notifications}}',
    'page.markAll': 'Mark all as read',
    'page.new': 'New',
    'page.next': 'Older notifications',
    'page.first': 'Most recent',
  },
});
