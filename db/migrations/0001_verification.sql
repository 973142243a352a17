CREATE TABLE `agreement_ceilings` (
	`benchmark_id` text NOT NULL,
	`perspective_id` text NOT NULL,
	`raters` integer NOT NULL,
	`videos` integer NOT NULL,
	`single_rater` real NOT NULL,
	`reliability` real NOT NULL,
	`ceiling` real NOT NULL,
	`ci_low` real,
	`ci_high` real,
	PRIMARY KEY(`benchmark_id`, `perspective_id`)
);
--> statement-breakpoint
CREATE TABLE `verifications` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`submission_id` text NOT NULL,
	`verified_by` text NOT NULL,
	`date` text NOT NULL,
	`kind` text NOT NULL,
	`checked` text NOT NULL,
	`sample_size` integer NOT NULL,
	`seed` integer NOT NULL,
	`path` text NOT NULL,
	`evidence_path` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`)
);
--> statement-breakpoint
CREATE TABLE `withdrawals` (
	`benchmark_id` text NOT NULL,
	`direction` text NOT NULL,
	`entry_id` text NOT NULL,
	`withdrawn_by` text NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`path` text NOT NULL,
	PRIMARY KEY(`benchmark_id`, `direction`, `entry_id`)
);
