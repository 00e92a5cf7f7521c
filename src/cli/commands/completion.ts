// `corridor completion bash|zsh|fish`: a completion script for the shell, built from the commands as registered
// (so it always lists the options the commands really take).
import type { Command, Option } from 'commander';
import { CorridorError } from '../../errors.ts';
import type { RunContext } from '../common.ts';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

/** Options whose value is a folder or a file: completed from the file system. */
const FOLDER_OPTIONS = ['--dataset'];

interface CommandInfo {
  /** 'metrics', or 'scenario run' for a subcommand. */
  path: string;
  description: string;
  options: { flag: string; description: string; choices?: readonly string[] }[];
  subcommands: string[];
}

function visibleCommands(command: Command): Command[] {
  return command.commands.filter((c) => c.name() !== 'help');
}

function describe(command: Command, prefix = ''): CommandInfo[] {
  const path = `${prefix}${command.name()}`;
  const options: CommandInfo['options'] = (command.options as Option[]).filter((o) => o.long).map((o) => ({ flag: o.long!, description: o.description, choices: o.argChoices }));
  options.push({ flag: '--help', description: 'display help for command' });
  const subs = visibleCommands(command);
  return [{ path, description: command.description(), options, subcommands: subs.map((s) => s.name()) }, ...subs.flatMap((s) => describe(s, `${path} `))];
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function bashScript(program: Command): string {
  const top = visibleCommands(program).map((c) => c.name());
  const infos = visibleCommands(program).flatMap((c) => describe(c));
  const cases = infos.map((i) => {
    const words = [...i.subcommands, ...i.options.map((o) => o.flag)].join(' ');
    // A command with subcommands takes its second word as one; any other command takes files.
    return `    ${quote(i.path)}) words=${quote(words)}; files=${i.subcommands.length ? 0 : 1} ;;`;
  });
  const choices = infos.flatMap((i) => i.options.filter((o) => o.choices).map((o) => `    ${quote(`${i.path} ${o.flag}`)}) COMPREPLY=( $(compgen -W ${quote(o.choices!.join(' '))} -- "$cur") ); return ;;`));
  return `# bash completion for corridor: eval "$(corridor completion bash)" (or save it in ~/.local/share/bash-completion/completions/corridor)
_corridor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" w words="" files=0 i
  # The command path: the words typed so far that name a command or subcommand (options and their values skipped).
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in -*) continue ;; esac
    case "$_corridor_paths" in *"|\${path:+$path }$w|"*) path="\${path:+$path }$w" ;; esac
  done
  case "$prev" in
${FOLDER_OPTIONS.map((f) => `    ${f}) COMPREPLY=( $(compgen -d -- "$cur") ); return ;;`).join('\n')}
  esac
  case "$path $prev" in
${choices.join('\n')}
  esac
  case "$path" in
    '') words=${quote([...top, '--help', '--version'].join(' '))} ;;
${cases.join('\n')}
  esac
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
  if [[ $files == 1 && "$cur" != -* ]]; then COMPREPLY+=( $(compgen -f -- "$cur") ); fi
}
_corridor_paths=${quote(`|${infos.map((i) => i.path).join('|')}|`)}
complete -o filenames -F _corridor corridor
`;
}

function zshScript(program: Command): string {
  // zsh runs the bash function through its bash-completion layer, so both shells complete the same words.
  return `#compdef corridor
# zsh completion for corridor: eval "$(corridor completion zsh)" in ~/.zshrc
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
${bashScript(program).split('\n').slice(1).join('\n')}`;
}

function fishScript(program: Command): string {
  const lines = ['# fish completion for corridor: corridor completion fish > ~/.config/fish/completions/corridor.fish', 'complete -c corridor -f'];
  for (const command of visibleCommands(program)) {
    lines.push(`complete -c corridor -n __fish_use_subcommand -a ${command.name()} -d ${quote(command.description())}`);
    for (const info of describe(command)) {
      const words = info.path.split(' ');
      const last = words[words.length - 1];
      const inCommand = words.length === 1
        ? `__fish_seen_subcommand_from ${last}`
        : `__fish_seen_subcommand_from ${words[0]}; and __fish_seen_subcommand_from ${last}`;
      if (info.subcommands.length) {
        const none = `not __fish_seen_subcommand_from ${info.subcommands.join(' ')}`;
        for (const sub of visibleCommands(command)) {
          lines.push(`complete -c corridor -n ${quote(`${inCommand}; and ${none}`)} -a ${sub.name()} -d ${quote(sub.description())}`);
        }
      } else {
        lines.push(`complete -c corridor -n ${quote(inCommand)} -F`);
      }
      for (const o of info.options) {
        const value = o.choices ? ` -x -a ${quote(o.choices.join(' '))}` : FOLDER_OPTIONS.includes(o.flag) ? ' -x -a "(__fish_complete_directories)"' : '';
        lines.push(`complete -c corridor -n ${quote(inCommand)} -l ${o.flag.slice(2)}${value} -d ${quote(o.description)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

const SCRIPTS: Record<Shell, (program: Command) => string> = { bash: bashScript, zsh: zshScript, fish: fishScript };

export function register(program: Command, context: RunContext): void {
  program
    .command('completion')
    .description('print a shell completion script: corridor completion bash|zsh|fish')
    .argument('<shell>', `the shell: ${SHELLS.join(', ')}`)
    .action((shell: string) => {
      if (!(SHELLS as readonly string[]).includes(shell)) {
        throw new CorridorError('CORRIDOR_ERR_ARGUMENT', `completion expects one of ${SHELLS.join(', ')}, found "${shell}"`);
      }
      context.io.out(SCRIPTS[shell as Shell](program));
    });
}
