//! Running the service: the container health check asks the real server.

use crate::helpers::{Backend, TestApp};

#[tokio::test]
async fn the_health_check_passes_only_while_the_server_answers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let mut config = app.config.clone();
    config.bind = app.running.address;
    stembridge::cli::healthcheck(&config).await.unwrap();

    app.running.stop();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(stembridge::cli::healthcheck(&config).await.is_err());
}
