import type { Role } from '@essaim/domain';
import type { User } from '../accounts/user.entity';

/** The demo accounts, one per role, with the passwords printed in the README. */
export const DEMO_ACCOUNTS: {
  key: 'member' | 'facilitator' | 'moderator' | 'admin' | 'agent';
  email: string;
  displayName: string;
  role: Role;
  territoryCode: string;
  password: string;
  manager?: boolean;
}[] = [
  { key: 'admin', email: 'admin@essaim.demo', displayName: 'Alice Admin', role: 'ADMIN', territoryCode: '91', password: 'demo-admin-essaim' },
  {
    key: 'moderator',
    email: 'moderation@essaim.demo',
    displayName: 'Mehdi Modération',
    role: 'MODERATOR',
    territoryCode: '91',
    password: 'demo-moderation-essaim',
  },
  {
    key: 'facilitator',
    email: 'animation@essaim.demo',
    displayName: 'Fanny Animatrice',
    role: 'FACILITATOR',
    territoryCode: '91',
    password: 'demo-animation-essaim',
  },
  {
    key: 'member',
    email: 'agent.evry@essaim.demo',
    displayName: 'Étienne Agent (Évry)',
    role: 'MEMBER',
    territoryCode: '91228',
    password: 'demo-agent-essaim',
    manager: true,
  },
  {
    key: 'agent',
    email: 'agent.etampes@essaim.demo',
    displayName: 'Élodie Agente (Étampes)',
    role: 'MEMBER',
    territoryCode: '91223',
    password: 'demo-agente-essaim',
    manager: true,
  },
];

export type DemoAccounts = Record<(typeof DEMO_ACCOUNTS)[number]['key'], User>;
