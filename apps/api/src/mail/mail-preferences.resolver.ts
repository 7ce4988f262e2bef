import { Args, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { Allow } from '../common/auth/allow.decorator';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { SetMailPreferencesArgs } from './dto/mail.args';
import { MailPreferencesService } from './mail-preferences.service';
import { kindHeadline, MailMode, NOTIFICATION_KINDS } from './notification-kinds';
import type { User } from '../accounts/user.entity';

@ObjectType()
export class NotificationMailPreference {
  @Field({ description: 'Notification kind, e.g. MENTION.' })
  kind: string;

  @Field(() => MailMode)
  mode: MailMode;

  @Field(() => MailMode, { description: 'What applies when the user never chose.' })
  defaultMode: MailMode;

  @Field({ description: 'What the kind is about, in the caller’s language.' })
  label: string;
}

@ObjectType()
export class MailPreferences {
  @Field({ description: 'fr or en: the language of the e-mails.' })
  language: string;

  @Field(() => [NotificationMailPreference])
  kinds: NotificationMailPreference[];
}

@Resolver(() => MailPreferences)
export class MailPreferencesResolver {
  constructor(
    private readonly preferences: MailPreferencesService,
    private readonly dataSource: DataSource,
  ) {}

  @Query(() => MailPreferences, { description: 'The logged-in user’s e-mail language and, per notification kind, when it is e-mailed.' })
  @Allow('MEMBER')
  async mailPreferences(@CurrentUser() user: User): Promise<MailPreferences> {
    return this.read(user.id);
  }

  @Mutation(() => MailPreferences, { description: 'Changes the e-mail language and/or the mode of some notification kinds.' })
  @Allow('MEMBER')
  async setMailPreferences(@Args() { language, kinds }: SetMailPreferencesArgs, @CurrentUser() user: User): Promise<MailPreferences> {
    await this.dataSource.transaction(async (m) => {
      if (language) await this.preferences.setLanguage(m, user.id, language);
      if (kinds?.length) await this.preferences.setModes(m, user.id, kinds);
    });
    return this.read(user.id);
  }

  private async read(userId: number): Promise<MailPreferences> {
    const language = (await this.preferences.languages(this.dataSource.manager, [userId])).get(userId) ?? 'fr';
    const modes = await this.preferences.allModes(userId);
    return {
      language,
      kinds: [...modes].map(([kind, mode]) => ({
        kind,
        mode,
        defaultMode: NOTIFICATION_KINDS[kind]?.mode ?? MailMode.IMMEDIATE,
        label: kindHeadline(kind, language),
      })),
    };
  }
}
