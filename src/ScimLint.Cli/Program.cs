using ScimLint.Cli;

return ScimLintCli.Run(args, CliEnvironment.FromSystem());
