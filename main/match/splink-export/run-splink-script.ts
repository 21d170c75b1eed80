/**
 * run_splink.py: the short Python script written next to model.json and
 * prepared.csv that predicts and clusters with Splink on DuckDB or Spark.
 * Columns are read as text: dates are YYYYMMDD and phone digits keep their
 * leading zeros; an empty cell is a missing value.
 */
export function runSplinkScript(threshold: number): string {
  return `"""Run the model CRM Steward exported, with Splink 4 (pip install splink).

    python run_splink.py            # DuckDB on this machine (model exported with --dialect duckdb)
    spark-submit run_splink.py      # Spark (model exported with --dialect spark)

Writes clusters.csv: unique_id, source, source_record_id, cluster_id.
"""
import json

from splink import Linker

THRESHOLD = ${threshold}  # the project's link threshold (a match probability)

with open("model.json", encoding="utf-8") as f:
    settings = json.load(f)


def duckdb_linker():
    import pandas as pd
    from splink import DuckDBAPI

    df = pd.read_csv("prepared.csv", dtype=str, keep_default_na=False).replace("", None)
    df["unique_id"] = df["unique_id"].astype("int64")
    return Linker(df, settings, db_api=DuckDBAPI())


def spark_linker():
    from pyspark.sql import SparkSession
    from pyspark.sql.functions import col
    from splink import SparkAPI

    spark = SparkSession.builder.appName("crm-steward-splink").getOrCreate()
    spark.sparkContext.setCheckpointDir("splink-checkpoints")
    df = spark.read.csv("prepared.csv", header=True).withColumn("unique_id", col("unique_id").cast("long"))
    return Linker(df, settings, db_api=SparkAPI(spark_session=spark))


linker = spark_linker() if settings["sql_dialect"] == "spark" else duckdb_linker()
pairs = linker.inference.predict(threshold_match_probability=0.5)
clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, threshold_match_probability=THRESHOLD)
out = clusters.as_pandas_dataframe()[["unique_id", "source", "source_record_id", "cluster_id"]]
out.to_csv("clusters.csv", index=False)
print(f"{len(out)} records, {out['cluster_id'].nunique()} clusters -> clusters.csv")
`;
}
