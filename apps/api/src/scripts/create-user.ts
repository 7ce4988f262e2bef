import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ROLES, Role } from '@essaim/domain';
import { AccountsService } from '../accounts/accounts.service';
import { VerificationMethod } from '../accounts/memberships/membership.enums';
import { AppModule } from '../app.module';
import { loadDotEnv, readConfig } from '../config/config';
import { runMigrations } from '../database/migrate';

const USAGE = `Usage: npm run user:create -- --email EMAIL --name "Display Name" [--role MEMBER|FACILITATOR|MODERATOR|ADMIN] [--territory CODE [--verified]] [--password PASSWORD]
With --verified the account is a VERIFIED member of --territory (method ADMIN) and its address counts as verified.
Without --password (or ESSAIM_USER_PASSWORD), a strong password is generated and printed once.`;

/** Creates an account from the shell (e.g. the first ADMIN of a fresh instance). */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', default: 'MEMBER' },
      territory: { type: 'string' },
      verified: { type: 'boolean', default: false },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.email || !values.name) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 64);
  }
  const role = values.role?.toUpperCase() as Role;
  if (!ROLES.includes(role)) {
    console.error(`Unknown role "${values.role}". Choose one of ${ROLES.join(', ')}.`);
    process.exit(64);
  }
  loadDotEnv();
  const config = { ...readConfig(), demoData: false, serveWeb: false };
  await runMigrations(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
  const generated = !values.password && !process.env.ESSAIM_USER_PASSWORD;
  const password = values.password ?? process.env.ESSAIM_USER_PASSWORD ?? randomBytes(18).toString('base64url');
  try {
    const user = await app
      .get(AccountsService)
      .createAccount(
        { email: values.email, displayName: values.name, password, territoryCode: values.territory ?? null },
        { role, verifiedBy: values.verified ? VerificationMethod.ADMIN : undefined, emailVerified: values.verified },
      );
    console.log(
      `Created ${user.role} account #${user.id} <${user.email}>${values.verified && values.territory ? `, verified member of ${values.territory}` : values.territory ? `, membership of ${values.territory} pending` : ''}${generated ? ` with password: ${password}` : ''}`,
    );
  } catch (error) {
    console.error(`Could not create the account: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
