import { DomainError } from '../domain/errors';
import { loadConfig } from '../config';
import { createServices } from '../services';
import { exitCodes, UsageError, type CommandGroup } from './command';

/**
 * `organiser add`: the first organiser account of an empty deployment (no one can sign in to
 * create it), and any later one. The password comes from the ASHYQ_PASSWORD environment
 * variable, so it never appears in the shell history or the process list.
 */
export const organiserCommands: CommandGroup = {
  add: {
    summary:
      'Create an organiser account in the store of DATA_DIR (or MONGODB_URI); the password is read from ASHYQ_PASSWORD',
    usage: '--email <email> --name <name> [--championship <id> ...]',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      championship: { type: 'string', multiple: true },
    },
    async run({ values }, output) {
      const { email, name } = values;
      const championships = (values.championship ?? []) as string[];
      if (typeof email !== 'string' || typeof name !== 'string') {
        throw new UsageError('--email and --name are required');
      }
      const password = process.env.ASHYQ_PASSWORD;
      if (!password) throw new UsageError('Set ASHYQ_PASSWORD to the new account’s password');
      const services = await createServices(loadConfig());
      try {
        const account = await services.accounts.createOrganiser({
          email,
          name,
          password,
          scope:
            championships.length > 0
              ? { kind: 'championships', ids: championships }
              : { kind: 'all' },
          roles: ['organiser'],
        });
        output.out(`Created organiser ${account.email} (${account.id})`);
        return exitCodes.ok;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const details = typeof error.details === 'function' ? error.details('en') : error.details;
        const lines = details.map((detail) => `${detail.path}: ${detail.message}`);
        output.err(['Refused:', ...lines].join('\n  '));
        return exitCodes.failed;
      } finally {
        await services.close();
      }
    },
  },
};
