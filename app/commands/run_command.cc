// earshot run: the pipeline, until SIGINT/SIGTERM.
#include <spdlog/spdlog.h>

#include <cstdio>

#include "app/commands/commands.h"
#include "app/config.h"
#include "app/service.h"

namespace earshot {

void AddRunCommand(CLI::App& app, CommandContext context) {
  struct Options {
    std::string config_path;
    int workers = 0;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "run", "Run the pipeline: consume posts, classify, emit alerts and metrics until Ctrl-C");
  cmd->add_option("--config,-c", options->config_path,
                  "earshot.yaml (see ops/earshot.example.yaml)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--workers", options->workers,
                  "Consumer-group members in this process (overrides pipeline.workers)")
      ->check(CLI::Range(1, 64));
  cmd->callback([options, context] {
    StatusOr<Config> config = options->config_path.empty() ? StatusOr<Config>(DefaultConfig())
                                                           : LoadConfigFile(options->config_path);
    if (!config.ok()) {
      std::fprintf(stderr, "earshot run: %s\n", config.status().message().c_str());
      *context.exit_code = 2;
      return;
    }
    if (!options->config_path.empty()) {
      const std::string warning = SecretsPermissionWarning(options->config_path, *config);
      if (!warning.empty()) spdlog::warn("config: {}", warning);
    }
    if (options->workers > 0) config->workers = options->workers;
    auto service = Service::Start(std::move(config).value());
    if (!service.ok()) {
      std::fprintf(stderr, "earshot run: %s\n", service.status().message().c_str());
      *context.exit_code = 1;
      return;
    }
    Service* running = service->get();
    context.stop->OnStop([running] { running->RequestStop(); });
    context.stop->OnReload([running] { running->TriggerReload(); });
    const Status result = running->Wait();
    context.stop->OnStop(nullptr);
    context.stop->OnReload(nullptr);
    if (!result.ok()) {
      spdlog::error("pipeline failed: {}", result.ToString());
      *context.exit_code = 1;
      return;
    }
    spdlog::info("stopped cleanly: outputs flushed, offsets committed");
  });
}

}  // namespace earshot
