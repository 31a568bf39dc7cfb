#include "connectors/http/http_endpoint.h"

#include <gtest/gtest.h>
#include <httplib.h>
#include <prometheus/counter.h>
#include <prometheus/registry.h>

#include <atomic>
#include <memory>

namespace earshot {
namespace {

class HttpEndpointTest : public ::testing::Test {
 protected:
  std::shared_ptr<prometheus::Registry> registry_ = std::make_shared<prometheus::Registry>();
};

TEST_F(HttpEndpointTest, HealthzAndMetricsAnswerOnTheSamePort) {
  prometheus::BuildCounter().Name("earshot_test_total").Help("test").Register(*registry_).Add({});
  HttpEndpoint endpoint(registry_, nullptr);
  ASSERT_TRUE(endpoint.Start("127.0.0.1:0").ok());
  httplib::Client client("127.0.0.1", endpoint.port());
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->body, "ok\n");
  const auto metrics = client.Get("/metrics");
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("earshot_test_total 0"), std::string::npos) << metrics->body;
}

TEST_F(HttpEndpointTest, ReadyzIsReadyOnlyWhenEveryNamedCheckPasses) {
  std::atomic<bool> partitions{false};
  std::atomic<bool> restored{false};
  HttpEndpoint endpoint(registry_, [&]() -> Status {
    return partitions ? Status::Ok() : Status("not_ready", "no input partitions assigned yet");
  });
  endpoint.AddReadinessCheck("state", [&]() -> Status {
    return restored ? Status::Ok() : Status("not_ready", "restoring 2 partitions");
  });
  ASSERT_TRUE(endpoint.Start("127.0.0.1:0").ok());
  httplib::Client client("127.0.0.1", endpoint.port());

  auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  // One answer names every failing check, each with its name.
  EXPECT_EQ(ready->body,
            "not ready: pipeline: no input partitions assigned yet; state: restoring 2 "
            "partitions\n");

  partitions = true;
  ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 503);
  EXPECT_EQ(ready->body, "not ready: state: restoring 2 partitions\n");

  restored = true;
  ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(ready->body, "ready\n");
}

TEST_F(HttpEndpointTest, ReadyzWithoutChecksIsReady) {
  HttpEndpoint endpoint(registry_, nullptr);
  ASSERT_TRUE(endpoint.Start("127.0.0.1:0").ok());
  httplib::Client client("127.0.0.1", endpoint.port());
  const auto ready = client.Get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
}

}  // namespace
}  // namespace earshot
