CREATE TABLE `entry_provenance` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`kind` text NOT NULL,
	`produced_by` text NOT NULL,
	`sampled_by` text NOT NULL,
	`evaluated_by` text NOT NULL,
	`code_url` text,
	`weights_url` text,
	`date` text,
	`source` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `generation_cards` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`card_json` text NOT NULL,
	`source` text NOT NULL,
	`note` text,
	PRIMARY KEY(`benchmark_id`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `training_data` (
	`benchmark_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`trained_on_benchmark` text NOT NULL,
	`datasets_json` text,
	`source` text,
	`note` text,
	PRIMARY KEY(`benchmark_id`, `entry_id`),
	FOREIGN KEY (`benchmark_id`) REFERENCES `benchmarks`(`id`) ON UPDATE no action ON DELETE no action
);
