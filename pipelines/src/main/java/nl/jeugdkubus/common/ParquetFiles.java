package nl.jeugdkubus.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * Every Parquet file the job writes or reads goes through here, with ONE Hadoop configuration per JVM.
 *
 * <p>Why (docs/performance.md, "Parquet writers"): a {@code new Configuration()} parses Hadoop's default XML
 * resources again on first use; Beam's {@code ParquetIO.sink} gets one per file it opens (the sink is cloned per
 * destination and its configuration deserialised with defaults). The published tables are one file per table x
 * periode x gemeente, so that parse was paid thousands of times in a national run. Here the defaults are parsed
 * once and every writer and reader gets a cheap copy of the parsed properties.
 */
public final class ParquetFiles {
  /** Parsed once per JVM (class initialisation is thread-safe); never handed out itself, only copies. */
  private static final Configuration LOADED = loaded();

  private ParquetFiles() {}

  private static Configuration loaded() {
    Configuration c = new Configuration();
    c.size(); // forces the parse of the default resources now
    return c;
  }

  /** A copy of the JVM's Hadoop configuration (the parsed defaults), for one writer or reader. */
  public static Configuration configuration() {
    return new Configuration(LOADED);
  }

  /** A FileIO sink writing Avro generic records as one Parquet file (SNAPPY, as Beam's ParquetIO.sink). */
  public static FileIO.Sink<GenericRecord> sink(Schema schema) {
    return new Sink(schema.toString());
  }

  static final class Sink implements FileIO.Sink<GenericRecord> {
    private final String schemaJson;
    private transient ParquetWriter<GenericRecord> writer;

    Sink(String schemaJson) {
      this.schemaJson = schemaJson;
    }

    @Override
    public void open(WritableByteChannel channel) throws IOException {
      writer = AvroParquetWriter.<GenericRecord>builder(new ChannelFile(channel))
          .withSchema(new Schema.Parser().parse(schemaJson))
          .withDataModel(GenericData.get())
          .withCompressionCodec(CompressionCodecName.SNAPPY)
          .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
          .withConf(configuration())
          .build();
    }

    @Override
    public void write(GenericRecord element) throws IOException {
      writer.write(element);
    }

    @Override
    public void flush() throws IOException {
      writer.close();
    }
  }

  /** A Parquet output file over the channel Beam opened (no file system of Hadoop's). */
  static final class ChannelFile implements OutputFile {
    private final OutputStream out;

    ChannelFile(WritableByteChannel channel) {
      this.out = Channels.newOutputStream(channel);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return stream();
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return stream();
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    private PositionOutputStream stream() {
      return new PositionOutputStream() {
        private long position;

        @Override
        public long getPos() {
          return position;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          position += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.close();
        }
      };
    }
  }
}
