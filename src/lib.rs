//! STEMbridge: a marketplace for STEM internships and job shadows for school students.
//!
//! `app` assembles the HTTP server; each domain area owns a module with its
//! routes (`mod.rs`), thin handlers and a service holding the rules.

pub mod accounts;
pub mod admin;
pub mod app;
pub mod applications;
pub mod auth;
pub mod cli;
pub mod config;
pub mod counseling;
pub mod db;
pub mod disclosure;
pub mod error;
pub mod families;
pub mod forms;
pub mod geo;
pub mod i18n;
pub mod languages;
pub mod mail;
pub mod notifications;
pub mod opportunities;
pub mod organizations;
pub mod outbox;
pub mod pages;
pub mod placements;
pub mod profiles;
pub mod roster;
pub mod search;
pub mod security;
pub mod seed;
pub mod telemetry;
pub mod templates;
pub mod tokens;
