// earshot: real-time social listening. See README.md.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "app/commands/commands.h"
#include "app/logging.h"
#include "app/signals.h"

int main(int argc, char** argv) {
  earshot::StopSignal stop;
  // First, before any thread exists (see signals.h).
  earshot::SignalWatcher signals([&stop](int signal) {
    if (signal == SIGHUP) {
      stop.NotifyReload();  // reload rules and lexicons
    } else {
      stop.Notify();
    }
  });

  CLI::App app{
      "earshot: real-time social listening. Classifies posts and reviews from Kafka "
      "and makes sure every complaint gets a timely answer."};
  app.require_subcommand(1);
  std::string log_format = "text";
  std::string log_level = "info";
  app.add_option("--log-format", log_format, "Log format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--log-level", log_level, "Log level")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  int exit_code = 0;
  const earshot::CommandContext context{&stop, &exit_code};
  earshot::AddBrokerCommand(app, context);
  earshot::AddRunCommand(app, context);
  earshot::AddDemoCommand(app, context);
  earshot::AddRulesCommand(app, context);
  earshot::AddExplainCommand(app, context);
  earshot::AddClassifyCommand(app, context);
  earshot::AddEvalCommand(app, context);
  earshot::AddSimulateCommand(app, context);
  earshot::AddAckCommand(app, context);
  app.add_subcommand("version", "Print the version")->callback([] {
    std::printf("earshot %s\n", EARSHOT_VERSION);
  });
  app.parse_complete_callback([&] {
    if (const earshot::Status s = earshot::SetupLogging(log_format, log_level); !s.ok()) {
      throw CLI::ValidationError("--log-format", s.message());
    }
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    // Errors are values inside earshot; this is the last line of defence
    // against a library throwing where it should not.
    std::fprintf(stderr, "earshot: unexpected error: %s\n", e.what());
    return 1;
  }
  return exit_code;
}
