// `corridor token create NAME|list|revoke ID`: API tokens for writes to `corridor serve`. Only the sha256 of a
// token is stored; the token is printed once, when it is created.
import type { Command } from 'commander';
import { databaseUrl } from '../../store/db/open.ts';
import { withStore } from '../../store/db/store.ts';
import { CorridorError } from '../../errors.ts';
import { printOutput, withJson, type OutputOptions, type RunContext } from '../common.ts';
import { formatTable } from '../format.ts';
import { DATABASE_HELP } from './db.ts';

interface TokenOptions extends OutputOptions {
  database?: string;
}

export function register(program: Command, context: RunContext): void {
  const token = program.command('token').description('API tokens for writes to `corridor serve`: create NAME, list, revoke ID').exitOverride();
  const command = (name: string) => withJson(token.command(name).exitOverride()).option('--database <url>', DATABASE_HELP);
  const open = (options: TokenOptions) => ({ url: options.database ?? databaseUrl() });

  command('create').description('create a token and print it (once: only its hash is kept)')
    .argument('<name>', 'what the token is for, e.g. "analyst laptop"')
    .action(async (name: string, options: TokenOptions) => {
      const { token: value, info } = await withStore(open(options), (store) => store.createToken(name));
      printOutput(context, options, {
        json: () => ({ ...info, token: value }),
        text: () => [value, `token ${info.id} "${info.name}" created; send it as "Authorization: Bearer TOKEN". It is shown only now.`],
      });
    });

  command('list').description('list the tokens (id, name, created, revoked)')
    .action(async (options: TokenOptions) => {
      const tokens = await withStore(open(options), (store) => store.tokens());
      printOutput(context, options, {
        json: () => ({ tokens }),
        text: () => tokens.length === 0 ? ['no tokens; create one with `corridor token create NAME`']
          : formatTable([{ header: 'Id' }, { header: 'Name' }, { header: 'Created' }, { header: 'Revoked' }], tokens.map((t) => [t.id, t.name, t.createdAt, t.revokedAt ?? ''])),
      });
    });

  command('revoke').description('revoke a token: requests carrying it are refused from now on')
    .argument('<id>', 'token id (see `corridor token list`)')
    .action(async (id: string, options: TokenOptions) => {
      const revoked = await withStore(open(options), (store) => store.revokeToken(id));
      if (!revoked) throw new CorridorError('CORRIDOR_ERR_UNKNOWN_ID', `no live token with id "${id}" (see \`corridor token list\`)`);
      printOutput(context, options, { json: () => ({ id, revoked: true }), text: () => [`token ${id} revoked`] });
    });
}
