using System.CommandLine;

namespace ScimLint.Cli;

/// <summary>
/// <c>scimlint completion bash|zsh|fish|pwsh</c>: prints a shell completion script. Every script asks scimlint itself
/// through System.CommandLine's suggest directive (<c>scimlint "[suggest:POSITION]" "COMMAND LINE"</c>), so the
/// completions always match the installed version's commands, options and values.
/// </summary>
internal static class CompletionCommand
{
    public static IReadOnlyList<string> Shells { get; } = ["bash", "zsh", "fish", "pwsh"];

    public static Command Create(CliEnvironment env)
    {
        var command = new Command("completion", "Print a shell completion script (bash, zsh, fish or pwsh).");
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh, fish or pwsh.", HelpName = string.Join('|', Shells) };
        shell.CompletionSources.Add([.. Shells]);
        command.Arguments.Add(shell);
        command.SetAction(parse =>
        {
            var name = (parse.GetValue(shell) ?? string.Empty).ToLowerInvariant();
            var script = Script(name);
            if (script is null)
            {
                var suggestion = Spelling.Closest(name, Shells);
                return ScimLintCli.Fail(env, $"unknown shell '{parse.GetValue(shell)}'{(suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?")} (one of: {string.Join(", ", Shells)})");
            }

            env.Out.Write(script);
            return ScimLintCli.Clean;
        });
        return command;
    }

    internal static string? Script(string shell) => shell switch
    {
        "bash" => """
            # scimlint completion for bash. Load it with:  source <(scimlint completion bash)
            _scimlint_complete() {
              local IFS=$'\n'
              COMPREPLY=($(compgen -W "$(scimlint "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
              if [ ${#COMPREPLY[@]} -eq 0 ]; then
                COMPREPLY=($(compgen -f -- "${COMP_WORDS[COMP_CWORD]}"))
              fi
            }
            complete -o filenames -F _scimlint_complete scimlint

            """,
        "zsh" => """
            #compdef scimlint
            # scimlint completion for zsh. Load it with:  source <(scimlint completion zsh)
            _scimlint() {
              local -a completions
              completions=("${(@f)$(scimlint "[suggest:${#BUFFER[1,CURSOR]}]" "${BUFFER}" 2>/dev/null)}")
              if (( ${#completions[@]} )) && [[ -n "${completions[1]}" ]]; then
                compadd -a completions
              else
                _files
              fi
            }
            compdef _scimlint scimlint

            """,
        "fish" => """
            # scimlint completion for fish. Load it with:  scimlint completion fish | source
            function __scimlint_complete
                set -l line (commandline -cp)
                scimlint "[suggest:"(string length -- "$line")"]" "$line" 2>/dev/null
            end
            complete -c scimlint -f -a '(__scimlint_complete)'
            complete -c scimlint -F

            """,
        "pwsh" => """
            # scimlint completion for PowerShell. Load it with:  scimlint completion pwsh | Out-String | Invoke-Expression
            Register-ArgumentCompleter -Native -CommandName scimlint -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $line = $commandAst.ToString()
                $position = [Math]::Min($cursorPosition - $commandAst.Extent.StartOffset, $line.Length)
                scimlint "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                    [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
                }
            }

            """,
        _ => null,
    };
}
